package io.servicedocs.site.render;

import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.SimpleHash;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * FreeMarker as the site's templates meet it, locked down: templates/ arrives in pull requests
 * and is rendered in CI where credentials sit in the environment, so a template must not be able
 * to run anything but FreeMarker itself.
 *
 * <ul>
 *   <li>{@code ?new} resolves no class at all ({@link TemplateClassResolver#ALLOWS_NOTHING_RESOLVER}):
 *       no {@code freemarker.template.utility.Execute}, {@code ObjectConstructor}, {@code JythonRuntime}
 *       or any other {@code TemplateModel} class can be created.</li>
 *   <li>{@code ?api} is off, and the object wrapper refuses it too.</li>
 *   <li>The data model holds only maps, lists, strings, numbers, booleans, dates and the page-model
 *       records of {@code site.view} (seen as hashes of their components, under their JSON names;
 *       an {@code Optional} is its value or missing, an enum constant its lower-case name): the object
 *       wrapper refuses every other type instead of exposing its methods and properties (no
 *       {@code getClass()}, no bean properties, no {@code statics}/{@code enums} models, no DOM or
 *       Jython support). JBake's own FreeMarker engine, which this replaces, puts its configuration
 *       (including the JVM's system properties), its content store and a bean-wrapped data helper
 *       in the model; none of these is here.</li>
 *   <li>Templates are read only from templates/: FreeMarker refuses names that back out of the
 *       root, and the loader refuses any file whose real path (after links) leaves templates/.</li>
 *   <li>No settings are read from any file: everything is set here. {@code <#setting>} in a
 *       template can only change formats, locale, time zone and encodings, never the above.</li>
 * </ul>
 *
 * Other settings keep JBake's FreeMarker set-up (incompatible improvements 2.3.0, UTF-8), so that
 * the pages are the same as before. Thread-safe once built.
 */
public final class SecureFreemarker {

    /** JBake's FreemarkerTemplateEngine used {@code Configuration.DEFAULT_INCOMPATIBLE_IMPROVEMENTS}. */
    private static final Version JBAKE_COMPATIBLE = Configuration.VERSION_2_3_0;

    /** Wraps the values of our page models: adapters over the Java maps and lists (no copies). */
    private static final DefaultObjectWrapper VALUES = lockedWrapper(Configuration.VERSION_2_3_32, true);

    private final Configuration configuration;

    /** FreeMarker's own collator of a page's environment, replaced by {@link RememberingCollator} (empty: not found). */
    private static final java.util.Optional<java.lang.reflect.Field> ENVIRONMENT_COLLATOR = environmentCollator();

    /** The collator's answers for pairs of short strings, for this configuration's locale. */
    private final Map<RememberingCollator.Pair, Integer> comparisons = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param templates the templates/ folder of the repository */
    public SecureFreemarker(Path templates) throws IOException {
        Configuration cfg = new Configuration(JBAKE_COMPATIBLE);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        // The model's other values (JBake's document model of a page) are wrapped as JBake's
        // engine wrapped them, as copies, but with the same refusals.
        cfg.setObjectWrapper(lockedWrapper(JBAKE_COMPATIBLE, false));
        cfg.setTemplateLoader(new TemplatesOnly(templates));
        cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
        cfg.setOutputEncoding(StandardCharsets.UTF_8.name());
        // Errors go to the caller only: the default handler of 2.3.0 would print them into the page.
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        this.configuration = cfg;
    }

    /** A value of a page model, wrapped for the templates. */
    public static TemplateModel wrap(Object value) {
        try {
            return VALUES.wrap(value);
        } catch (TemplateModelException e) {
            throw new IllegalStateException("cannot hand " + value.getClass() + " to the templates", e);
        }
    }

    /**
     * Renders {@code template} (a path relative to templates/) with {@code model}.
     *
     * @throws SiteException naming the template file and line of the failure, e.g.
     *     {@code templates/index.ftl:12: ...}
     */
    public void render(String template, Map<String, Object> model, Writer out, String page)
            throws IOException, SiteException {
        Template compiled;
        try {
            compiled = configuration.getTemplate(template);
        } catch (freemarker.core.ParseException e) {
            throw new SiteException("templates/" + e.getTemplateName() + ":" + e.getLineNumber() + ": "
                    + e.getEditorMessage() + " (rendering " + page + ")", e);
        } catch (freemarker.template.TemplateNotFoundException e) {
            throw new SiteException("templates/" + template + " is missing; it is needed to render " + page, e);
        } catch (TemplatesOnly.Refused e) {
            throw new SiteException(e.getMessage() + " (rendering " + page + ")", e);
        }
        TemplateHashModel root = new Root(model, configuration.getObjectWrapper(), this::rememberComparisons);
        try {
            compiled.process(root, out);
        } catch (TemplateException e) {
            throw new SiteException(located(e, template) + " (rendering " + page + ")", e);
        }
    }

    /**
     * Gives the page's environment a collator that remembers the answers of the locale's own
     * collator. FreeMarker compares strings with {@code ==}, {@code !=} and {@code <#switch>}
     * through the locale's {@link java.text.Collator} (normalising both strings on every
     * comparison): the status and section comparisons of the templates were a quarter of the
     * time of a product page (issue 15, JFR), and they compare the same few pairs over and over.
     * The answers are the collator's own, so every comparison and {@code ?sort} gives what it
     * gave. A template that changes its locale ({@code <#setting locale>}) gets FreeMarker's
     * collator of that locale again, as FreeMarker drops the cached one then.
     */
    private void rememberComparisons(freemarker.core.Environment environment) {
        if (ENVIRONMENT_COLLATOR.isEmpty() || environment == null || !environment.getLocale().equals(configuration.getLocale())) {
            return;
        }
        try {
            ENVIRONMENT_COLLATOR.get().set(environment, new RememberingCollator(configuration.getLocale(), comparisons));
        } catch (IllegalAccessException | RuntimeException e) {
            // FreeMarker's own collator stays: the same answers, only slower
        }
    }

    /**
     * A page's data model, which gives the page's environment its collator at the first variable
     * the page reads: FreeMarker clears the environment's cached collator when processing starts.
     */
    private static final class Root extends SimpleHash {
        private final java.util.function.Consumer<freemarker.core.Environment> onFirstRead;
        private boolean read;

        Root(Map<String, Object> model, freemarker.template.ObjectWrapper wrapper,
             java.util.function.Consumer<freemarker.core.Environment> onFirstRead) {
            super(model, wrapper);
            this.onFirstRead = onFirstRead;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            if (!read) {
                read = true;
                onFirstRead.accept(freemarker.core.Environment.getCurrentEnvironment());
            }
            return super.get(key);
        }
    }

    private static java.util.Optional<java.lang.reflect.Field> environmentCollator() {
        try {
            java.lang.reflect.Field field = freemarker.core.Environment.class.getDeclaredField("cachedCollator");
            if (field.getType() != java.text.Collator.class) {
                return java.util.Optional.empty();
            }
            field.setAccessible(true);
            return java.util.Optional.of(field);
        } catch (NoSuchFieldException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The collator of a locale whose answers for pairs of short strings are remembered (shared by
     * the pages of one build, which compare the same statuses and names); a page's own instance of
     * the locale's collator (they are synchronised) is made at its first new pair.
     */
    static final class RememberingCollator extends java.text.Collator {
        /** Longer strings are compared afresh: product names and descriptions would only fill the memory. */
        private static final int LONGEST = 64;
        /** Beyond this many pairs, new pairs are compared afresh. */
        private static final int MOST = 1 << 14;

        record Pair(String left, String right) {
        }

        private final java.util.Locale locale;
        private final Map<Pair, Integer> known;
        private java.text.Collator collator;

        RememberingCollator(java.util.Locale locale, Map<Pair, Integer> known) {
            this.locale = locale;
            this.known = known;
        }

        private java.text.Collator collator() {
            if (collator == null) {
                collator = java.text.Collator.getInstance(locale);
            }
            return collator;
        }

        @Override
        public int compare(String source, String target) {
            if (source == null || target == null || source.length() > LONGEST || target.length() > LONGEST) {
                return collator().compare(source, target);
            }
            Pair pair = new Pair(source, target);
            Integer answer = known.get(pair);
            if (answer == null) {
                answer = collator().compare(source, target);
                if (known.size() < MOST) {
                    known.put(pair, answer);
                }
            }
            return answer;
        }

        @Override
        public java.text.CollationKey getCollationKey(String source) {
            return collator().getCollationKey(source);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }
    }

    /** {@code templates/FILE:LINE: message}, without FreeMarker's FTL stack trace and tips. */
    private static String located(TemplateException e, String template) {
        String file = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : template;
        String message = String.valueOf(e.getMessageWithoutStackTop()).trim();
        int tip = message.indexOf("\n\n----");
        if (tip > 0) {
            message = message.substring(0, tip).trim();
        }
        if (e.getCause() instanceof TemplatesOnly.Refused refused) {
            message = refused.getMessage();
        }
        return "templates/" + file + (e.getLineNumber() != null ? ":" + e.getLineNumber() : "") + ": " + message;
    }

    /**
     * A {@link DefaultObjectWrapper} that wraps maps, collections, arrays, strings, numbers,
     * booleans and dates, and refuses everything else (and {@code ?api}) rather than exposing a
     * Java object's members.
     */
    private static DefaultObjectWrapper lockedWrapper(Version version, boolean adapters) {
        DefaultObjectWrapperBuilder builder = new DefaultObjectWrapperBuilder(version);
        builder.setUseAdaptersForContainers(adapters);
        builder.setIterableSupport(adapters);
        builder.setExposureLevel(freemarker.ext.beans.BeansWrapper.EXPOSE_NOTHING);
        builder.setDOMNodeSupport(false);
        builder.setJythonSupport(false);
        return new LockedObjectWrapper(builder);
    }

    private static final class LockedObjectWrapper extends DefaultObjectWrapper {
        LockedObjectWrapper(DefaultObjectWrapperBuilder settings) {
            super(settings, true);
        }

        /**
         * Texts and page-model records, the values templates read most, are wrapped here as
         * {@link DefaultObjectWrapper#wrap} would wrap them, without its dozen type checks (the
         * wrapping was a twentieth of a product page's time on C1, issue 15, JFR); an enum
         * constant's lower-case name is made once per constant.
         */
        @Override
        public TemplateModel wrap(Object obj) throws TemplateModelException {
            if (obj instanceof java.util.Optional<?> optional) {
                return wrapDefault(optional.orElse(null));
            }
            if (obj instanceof Enum<?> constant) {
                return new freemarker.template.SimpleScalar(LOWER_CASE_NAMES.get(constant.getClass())[constant.ordinal()]);
            }
            return wrapDefault(obj);
        }

        /** What {@link DefaultObjectWrapper#wrap} (with {@link #handleUnknownType}) makes of a value. */
        private TemplateModel wrapDefault(Object obj) throws TemplateModelException {
            if (obj instanceof String text) {
                return new freemarker.template.SimpleScalar(text);
            }
            if (obj instanceof Record record && RecordModel.isPlainPageModel(record)) {
                return RecordModel.of(record, this);
            }
            return super.wrap(obj);
        }

        /**
         * The lower-case names of an enum type's constants, by ordinal, by the class of a constant
         * (a constant with a body of its own has a class of its own: {@code getDeclaringClass()}
         * costs a native call on every value).
         */
        private static final ClassValue<String[]> LOWER_CASE_NAMES = new ClassValue<>() {
            @Override
            protected String[] computeValue(Class<?> type) {
                Class<?> declaring = type.isEnum() ? type : type.getSuperclass();
                Object[] constants = declaring.getEnumConstants();
                String[] names = new String[constants.length];
                for (int i = 0; i < constants.length; i++) {
                    names[i] = ((Enum<?>) constants[i]).name().toLowerCase(java.util.Locale.ROOT);
                }
                return names;
            }
        };

        @Override
        protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
            if (RecordModel.isPageModel(obj)) {
                return RecordModel.of((Record) obj, this);
            }
            throw new TemplateModelException("a " + obj.getClass().getSimpleName()
                    + " is not available to templates (only maps, lists, text, numbers, booleans, dates and page models are)");
        }

        @Override
        public TemplateHashModel wrapAsAPI(Object obj) throws TemplateModelException {
            throw new TemplateModelException("?api is not available to templates");
        }
    }

    /**
     * Reads templates from one folder only. FreeMarker has already normalised the name and
     * refused any that backs out of the root; a name that leads, through a link, out of the folder
     * is refused here.
     */
    private static final class TemplatesOnly implements TemplateLoader {
        private final Path root;

        TemplatesOnly(Path templates) throws IOException {
            this.root = templates.toRealPath();
        }

        @Override
        public Object findTemplateSource(String name) throws IOException {
            Path file = root.resolve(name).normalize();
            if (!file.startsWith(root) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            Path real;
            try {
                real = file.toRealPath();
            } catch (IOException dangling) {
                return null;
            }
            if (!real.startsWith(root)) {
                throw new Refused("templates/" + name + " is a link to a place outside templates/; "
                        + "templates are only read from templates/");
            }
            return Files.isRegularFile(real) ? real : null;
        }

        @Override
        public long getLastModified(Object source) {
            try {
                return Files.getLastModifiedTime((Path) source).toMillis();
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public Reader getReader(Object source, String encoding) throws IOException {
            return Files.newBufferedReader((Path) source, java.nio.charset.Charset.forName(encoding));
        }

        @Override
        public void closeTemplateSource(Object source) {
        }

        /** A template name that leads out of templates/. */
        static final class Refused extends IOException {
            Refused(String message) {
                super(message);
            }
        }
    }
}
