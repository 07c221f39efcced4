package io.servicedocs.load;

import io.servicedocs.load.StandardFiles.PhasesFile;
import io.servicedocs.load.StandardFiles.QualityItemsFile;
import io.servicedocs.load.StandardFiles.SecurityChecklistFile;
import io.servicedocs.load.StandardFiles.TeamsFile;
import io.servicedocs.model.Assessment;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Finance;
import io.servicedocs.model.PhaseStatus;
import io.servicedocs.model.SecurityAnswers;
import io.servicedocs.model.ServiceDoc;
import io.servicedocs.model.Standard;
import io.servicedocs.model.StandardInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns schema-valid YAML documents into model records. The schema has already checked shapes
 * and types, so a failure here is a value the schema cannot judge (e.g. an unknown currency
 * code); it still becomes a diagnostic at the node concerned.
 */
public final class ModelBinder {

    private final JsonMapper mapper;

    /**
     * The mapper every binder of the JVM shares (with {@link SpreadCreators}): Jackson builds the
     * deserializer of each record type once per mapper, by introspection, and a validation made
     * three binders (the files', the standard's and the cost data's), each building its own.
     */
    private static final class Shared {
        static final JsonMapper MAPPER = mapper(true);
    }

    /**
     * The types a validation binds, whose deserializers {@link #warmUpInBackground()} builds ahead:
     * the product files', the standard's, the site's settings and the cost data's months.
     */
    private static final List<Class<?>> BOUND = List.of(ServiceDoc.class, PhaseStatus.class, Assessment.class,
            SecurityAnswers.class, Finance.class, StandardInfo.class, PhasesFile.class, QualityItemsFile.class,
            SecurityChecklistFile.class, TeamsFile.class, StandardFiles.SliTemplatesFile.class,
            StandardFiles.CampaignFile.class, io.servicedocs.model.SiteConfig.class, io.servicedocs.model.CostMonth.class);

    public ModelBinder() {
        this.mapper = Shared.MAPPER;
    }

    /** @param spreadCreators whether records are made through {@link SpreadCreators} (off only to compare in tests) */
    ModelBinder(boolean spreadCreators) {
        this.mapper = spreadCreators ? Shared.MAPPER : mapper(false);
    }

    /**
     * Builds the deserializers of the types a validation binds on a thread of its own (daemon),
     * while the files are read and parsed: made at their first use instead, one thread at a time
     * (Jackson builds a deserializer under a lock), they cost the start of every validation about
     * 0.2 s of introspection and class loading (issue 15). Nothing waits for it: a type still being
     * built when it is first needed is built by Jackson as it would be without this.
     */
    public static void warmUpInBackground() {
        Thread warming = new Thread(() -> {
            for (Class<?> type : BOUND) {
                try {
                    Shared.MAPPER.readerFor(type);
                } catch (RuntimeException e) {
                    // the binding that needs it fails the same way and says so, at the file concerned
                }
            }
        }, "servicedocs-binder");
        warming.setDaemon(true);
        warming.start();
    }

    private static JsonMapper mapper(boolean spreadCreators) {
        JsonMapper.Builder builder = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // Optional booleans (e.g. a phase's retirement flag) are false when absent; the schema guards the rest.
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        if (spreadCreators) {
            // records made without Java 17's invokeWithArguments on every call (issue 15)
            builder.addModule(new SpreadCreators());
        }
        return builder.build();
    }

    public <T> Optional<T> bind(YamlDocument doc, Class<T> type, Consumer<Diagnostic> problems) {
        try {
            return Optional.of(mapper.treeToValue(doc.root(), type));
        } catch (DatabindException e) {
            String pointer = pointerOf(e.getPath());
            problems.accept(Diagnostic.error(doc.path(), doc.locate(pointer), "invalid-value", rootMessage(e)));
            return Optional.empty();
        }
    }

    /**
     * One part of a file bound by itself (e.g. one cost element of a Service Doc that failed its
     * schema elsewhere); empty when it does not bind. No diagnostic: the file's own are reported.
     */
    public <T> Optional<T> bindPart(tools.jackson.databind.JsonNode node, Class<T> type) {
        try {
            return Optional.of(mapper.treeToValue(node, type));
        } catch (tools.jackson.core.JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The whole standard, when all four of its required files are present and bind. teams.yaml is
     * optional: when it is absent (or does not bind, which is reported) the teams are free ids.
     */
    public Optional<Standard> bindStandard(Map<FileKind, YamlDocument> files, Consumer<Diagnostic> problems) {
        Optional<StandardInfo> info = bindIfPresent(files, FileKind.STANDARD, StandardInfo.class, problems);
        Optional<PhasesFile> phases = bindIfPresent(files, FileKind.PHASES, PhasesFile.class, problems);
        Optional<QualityItemsFile> items = bindIfPresent(files, FileKind.QUALITY_ITEMS, QualityItemsFile.class, problems);
        Optional<SecurityChecklistFile> checks =
                bindIfPresent(files, FileKind.SECURITY_CHECKLIST, SecurityChecklistFile.class, problems);
        Optional<TeamsFile> teams = bindIfPresent(files, FileKind.TEAMS, TeamsFile.class, problems);
        Optional<StandardFiles.SliTemplatesFile> sliTemplates =
                bindIfPresent(files, FileKind.SLI_TEMPLATES, StandardFiles.SliTemplatesFile.class, problems);
        if (info.isEmpty() || phases.isEmpty() || items.isEmpty() || checks.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Standard(info.get(), phases.get().phases(), items.get().categories(),
                items.get().items(), checks.get().categories(), checks.get().checks(),
                teams.map(TeamsFile::teams).orElse(List.of()),
                sliTemplates.map(StandardFiles.SliTemplatesFile::templates).orElse(List.of())));
    }

    /** A campaign file as the campaign {@code id} (its file's name), when it binds. */
    public Optional<io.servicedocs.model.Campaign> bindCampaign(YamlDocument doc, String id, Consumer<Diagnostic> problems) {
        return bind(doc, StandardFiles.CampaignFile.class, problems).map(file -> new io.servicedocs.model.Campaign(id,
                doc.path(), doc.locate("/due"), file.title(), file.why(), file.owner(), file.start(), file.due(),
                file.scope(), file.goals()));
    }

    private <T> Optional<T> bindIfPresent(Map<FileKind, YamlDocument> files, FileKind kind, Class<T> type,
                                          Consumer<Diagnostic> problems) {
        YamlDocument doc = files.get(kind);
        return doc == null ? Optional.empty() : bind(doc, type, problems);
    }

    private static String pointerOf(List<DatabindException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (DatabindException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                pointer.append('/').append(ref.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                pointer.append('/').append(ref.getIndex());
            }
        }
        return pointer.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof DatabindException d ? d.getOriginalMessage() : root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

}
