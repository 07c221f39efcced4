package io.servicedocs.site.render;

import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleCollection;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;

/**
 * A page-model record as templates see it: a hash of its components and nothing else (no methods,
 * no class), each under the name the JSON export gives it ({@code descriptionHtml} is
 * {@code description_html} in both), so a template and api/products.json read the same names.
 * Only records of the view package are accepted: a page model is plain data by construction.
 */
final class RecordModel implements TemplateHashModelEx {

    /** Where page-model records live; records of any other package are not given to templates. */
    static final String VIEW_PACKAGE = "io.servicedocs.site.view";

    /** The components of each record type by JSON name, made once per type (a class value: a map keyed by class hashed each class on every record wrapped). */
    private static final ClassValue<Map<String, Component>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Component> computeValue(Class<?> type) {
            return accessors(type);
        }
    };

    /**
     * Whether a record type is a page model that {@code DefaultObjectWrapper} would hand to
     * {@code handleUnknownType} (it implements none of the container or model interfaces that
     * FreeMarker wraps otherwise), so that it can be wrapped as a {@link RecordModel} straight away.
     */
    private static final ClassValue<Boolean> PLAIN_PAGE_MODEL = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return Record.class.isAssignableFrom(type) && isPageModelType(type)
                    && java.util.stream.Stream.of(TemplateModel.class, java.util.Collection.class, Map.class,
                            java.util.Iterator.class, java.util.Enumeration.class, Iterable.class)
                    .noneMatch(container -> container.isAssignableFrom(type));
        }
    };

    /** A component's accessor and its place in the record. */
    private record Component(Method accessor, int index) {
    }

    private final Record record;
    private final Map<String, Component> accessors;
    private final ObjectWrapper wrapper;
    /**
     * Each component as the templates got it the first time, by place: a template reads the same
     * component of the same record again and again (the product page reads {@code p.current.*}
     * dozens of times), and each read called the accessor by reflection and wrapped its value
     * anew (issue 15). The record is immutable, so its components' models are too.
     */
    private final TemplateModel[] wrapped;

    private RecordModel(Record record, ObjectWrapper wrapper) {
        this.record = record;
        this.accessors = ACCESSORS.get(record.getClass());
        this.wrapper = wrapper;
        this.wrapped = new TemplateModel[accessors.size()];
    }

    static boolean isPageModel(Object value) {
        return value instanceof Record && isPageModelType(value.getClass());
    }

    private static boolean isPageModelType(Class<?> type) {
        return type.getPackageName().equals(VIEW_PACKAGE) || type.getPackageName().startsWith(VIEW_PACKAGE + ".");
    }

    /** A page model that FreeMarker's wrapper would only reach as an unknown type ({@link #PLAIN_PAGE_MODEL}). */
    static boolean isPlainPageModel(Record record) {
        return PLAIN_PAGE_MODEL.get(record.getClass());
    }

    static RecordModel of(Record record, ObjectWrapper wrapper) {
        return new RecordModel(record, wrapper);
    }

    /** The JSON name of a record component, as the export's naming strategy writes it. */
    static String jsonName(String component) {
        return PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, component);
    }

    private static Map<String, Component> accessors(Class<?> type) {
        Map<String, Component> byName = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            byName.put(jsonName(component.getName()), new Component(accessor, byName.size()));
        }
        return byName;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
        Component component = accessors.get(key);
        if (component == null) {
            return null;
        }
        TemplateModel known = wrapped[component.index()];
        if (known != null) {
            return known;
        }
        try {
            // a missing value (null, an empty Optional) wraps to null and is read again: that is cheap
            TemplateModel model = wrapper.wrap(component.accessor().invoke(record));
            wrapped[component.index()] = model;
            return model;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new TemplateModelException("cannot read " + key + " of a " + record.getClass().getSimpleName(), e);
        }
    }

    @Override
    public boolean isEmpty() {
        return accessors.isEmpty();
    }

    @Override
    public int size() {
        return accessors.size();
    }

    @Override
    public TemplateCollectionModel keys() {
        return new SimpleCollection(accessors.keySet(), wrapper);
    }

    @Override
    public TemplateCollectionModel values() throws TemplateModelException {
        List<TemplateModel> values = new ArrayList<>();
        for (String key : accessors.keySet()) {
            values.add(get(key));
        }
        return new SimpleCollection(values, wrapper);
    }
}
