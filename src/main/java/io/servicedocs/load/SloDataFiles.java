package io.servicedocs.load;

import io.servicedocs.model.CostMonth.Status;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import io.servicedocs.model.SloDataFile;
import io.servicedocs.model.SloDataFile.Attained;
import io.servicedocs.model.SloDataFile.Revision;
import io.servicedocs.model.SloMonth;
import io.servicedocs.source.RefusedFolderException;
import io.servicedocs.source.SnapshotSource;
import io.servicedocs.source.SourceException;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The SLO measurement files, slo-data/&lt;source&gt;/&lt;YYYY-MM&gt;.yaml, both ways, and all of a
 * snapshot's at once for validation. Reading goes through {@link DocumentLoader} (YAML, then the
 * schema slo-month.schema.json) and then these rules, each named at file:line:column: the source
 * and month equal the folder and file name, an SLO appears once, good is at most total, and the
 * attainment equals good / total when both are given. Writing quotes every string (ids of digits,
 * free-text notes all read back unchanged) and writes decimals as held, never through double.
 */
public final class SloDataFiles {

    /** The first line of every file: editors find the schema through it. */
    public static final String SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/slo-month.schema.json";
    public static final String NOTICE = "# Written by 'servicedocs slo fetch'; do not edit by hand: fetch again instead.";
    /** Attainments are kept to this many decimal places (a billion events is 9 digits; one more to round). */
    public static final int SCALE = 10;

    private static final Pattern MONTH_FILE = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])\\.yaml");
    /** The writer's factory, made when a file is first written: validation only reads (holder class). */
    private static final class Writing {
        static final YAMLFactory YAML = YAMLFactory.builder()
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .disable(YAMLWriteFeature.SPLIT_LINES)
                .disable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    private final DocumentLoader loader;
    private final YamlReader yaml = new YamlReader();

    public SloDataFiles(SchemaValidator schemas) {
        this.loader = new DocumentLoader(schemas);
    }

    /** The file at {@code path} read and checked; the record is there only when it has no problem at all. */
    public LoadedDocument<SloDataFile> parse(String path, byte[] bytes) {
        LoadedDocument<YamlDocument> conforming = loader.conform(FileKind.SLO_MONTH, path, bytes);
        if (conforming.document().isEmpty()) {
            return LoadedDocument.refused(conforming.diagnostics());
        }
        return bind(conforming.document().get());
    }

    /** A parsed tree: schema, then binding and the file's rules. */
    public LoadedDocument<SloDataFile> load(YamlDocument doc) {
        LoadedDocument<YamlDocument> conforming = loader.conform(FileKind.SLO_MONTH, doc);
        if (conforming.document().isEmpty()) {
            return LoadedDocument.refused(conforming.diagnostics());
        }
        return bind(doc);
    }

    private LoadedDocument<SloDataFile> bind(YamlDocument doc) {
        JsonNode root = doc.root();
        List<Diagnostic> problems = new ArrayList<>();
        String source = root.get("source").asString();
        YearMonth month = YearMonth.parse(root.get("month").asString());
        Status status = status(root.get("status"));
        Instant retrieved = Instant.parse(root.get("retrieved").asString());
        String[] parts = doc.path().split("/");
        if (parts.length >= 2 && !parts[parts.length - 2].equals(source)) {
            problems.add(Diagnostic.error(doc.path(), doc.locate("/source"), "slo-month-misplaced", "source '" + source
                    + "' is not the folder's name '" + parts[parts.length - 2] + "'; the file belongs in "
                    + SloDataFile.pathOf(source, month)));
        }
        if (!parts[parts.length - 1].equals(month + ".yaml")) {
            problems.add(Diagnostic.error(doc.path(), doc.locate("/month"), "slo-month-misplaced", "month '" + month
                    + "' is not the file's name '" + parts[parts.length - 1] + "'; the file belongs in "
                    + SloDataFile.pathOf(source, month)));
        }
        List<SloMonth> slos = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        JsonNode entries = root.get("slos");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            String at = "/slos/" + i;
            String product = e.get("product").asString();
            String slo = e.get("slo").asString();
            Integer first = seen.putIfAbsent(product + "/" + slo, i);
            if (first != null) {
                problems.add(Diagnostic.error(doc.path(), doc.locate(at + "/slo"), "slo-month-duplicate", "SLO '" + slo
                        + "' of product '" + product + "' is measured twice in this file (also at line "
                        + doc.locate("/slos/" + first + "/slo").line() + "); keep one"));
                continue;
            }
            Optional<BigDecimal> good = decimal(e, "good");
            Optional<BigDecimal> total = decimal(e, "total");
            Optional<BigDecimal> attainment = decimal(e, "attainment");
            if (good.isPresent() && total.isPresent() && good.get().compareTo(total.get()) > 0) {
                problems.add(Diagnostic.error(doc.path(), doc.locate(at + "/good"), "slo-month-counts", "good "
                        + good.get().toPlainString() + " is more than total " + total.get().toPlainString()));
            } else if (good.isPresent() && total.isPresent() && attainment.isPresent() && total.get().signum() > 0
                    && ratio(good.get(), total.get()).compareTo(attainment.get()) != 0) {
                problems.add(Diagnostic.error(doc.path(), doc.locate(at + "/attainment"), "slo-month-counts",
                        "attainment " + attainment.get().toPlainString() + " is not good / total = "
                                + good.get().toPlainString() + " / " + total.get().toPlainString() + " = "
                                + ratio(good.get(), total.get()).toPlainString()));
            }
            slos.add(new SloMonth(product, slo, source, month, status, good, total, attainment,
                    e.get("target").decimalValue(), retrieved, text(e, "note")));
        }
        List<Revision> revisions = new ArrayList<>();
        JsonNode revs = root.path("revisions");
        for (int i = 0; i < revs.size(); i++) {
            JsonNode r = revs.get(i);
            List<Attained> attained = new ArrayList<>();
            for (JsonNode a : r.get("slos")) {
                attained.add(new Attained(a.get("product").asString(), a.get("slo").asString(), decimal(a, "attainment")));
            }
            revisions.add(new Revision(Instant.parse(r.get("replaced").asString()), status(r.get("status")),
                    Instant.parse(r.get("retrieved").asString()), r.get("reason").asString(), attained));
        }
        if (!problems.isEmpty()) {
            return new LoadedDocument<>(Optional.of(doc), Optional.empty(), problems);
        }
        return new LoadedDocument<>(Optional.of(doc), Optional.of(new SloDataFile(source, month, status, retrieved,
                slos, revisions)), List.of());
    }

    /** good / total to {@value #SCALE} places, half-even, trailing zeros stripped. */
    public static BigDecimal ratio(BigDecimal good, BigDecimal total) {
        return plain(good.divide(total, SCALE, java.math.RoundingMode.HALF_EVEN));
    }

    /** The number without trailing zeros and never in exponent form. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Status status(JsonNode node) {
        return node.asString().equals("final") ? Status.FINAL : Status.PROVISIONAL;
    }

    private static Optional<BigDecimal> decimal(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n.decimalValue());
    }

    private static Optional<String> text(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n.asString());
    }

    /** The file's text: the two comment lines, then the month with its SLOs by product and name. */
    public static String render(SloDataFile file) {
        StringWriter out = new StringWriter();
        out.write(SCHEMA_LINE + "\n" + NOTICE + "\n");
        try (JsonGenerator g = Writing.YAML.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            string(g, "source", file.source());
            string(g, "month", file.month().toString());
            string(g, "status", file.status().yamlName());
            string(g, "retrieved", file.retrieved().toString());
            g.writeName("slos");
            g.writeStartArray();
            for (SloMonth m : sorted(file.slos())) {
                g.writeStartObject();
                string(g, "product", m.product());
                string(g, "slo", m.slo());
                number(g, "target", Optional.of(m.target()));
                number(g, "good", m.good());
                number(g, "total", m.total());
                number(g, "attainment", m.attainment());
                if (m.note().isPresent()) {
                    string(g, "note", m.note().get());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!file.revisions().isEmpty()) {
                g.writeName("revisions");
                g.writeStartArray();
                for (Revision r : file.revisions()) {
                    g.writeStartObject();
                    string(g, "replaced", r.replaced().toString());
                    string(g, "status", r.status().yamlName());
                    string(g, "retrieved", r.retrieved().toString());
                    string(g, "reason", r.reason());
                    g.writeName("slos");
                    g.writeStartArray();
                    for (Attained a : r.slos()) {
                        g.writeStartObject();
                        string(g, "product", a.product());
                        string(g, "slo", a.slo());
                        number(g, "attainment", a.attainment());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    /** By product, then SLO name: the order files are written in. */
    public static List<SloMonth> sorted(List<SloMonth> slos) {
        return slos.stream().sorted(java.util.Comparator.comparing(SloMonth::product).thenComparing(SloMonth::slo)).toList();
    }

    private static void string(JsonGenerator g, String name, String value) {
        g.writeName(name);
        g.writeString(value);
    }

    private static void number(JsonGenerator g, String name, Optional<BigDecimal> value) {
        if (value.isPresent()) {
            g.writeName(name);
            g.writeNumber(plain(value.get()));
        }
    }

    /**
     * Every slo-data/&lt;source&gt;/&lt;YYYY-MM&gt;.yaml of a snapshot, read and checked, in path
     * order; problems (other YAML files there, unreadable or invalid files) go to {@code diagnostics}.
     */
    public List<SloDataFile> readAll(SnapshotSource source, List<Diagnostic> diagnostics) throws IOException {
        List<SloDataFile> files = new ArrayList<>();
        List<SnapshotSource.Entry> sources;
        try {
            sources = source.list(SloDataFile.FOLDER);
        } catch (RefusedFolderException e) {
            SourceException refusal = e.refusal();
            diagnostics.add(Diagnostic.error(refusal.path().orElse(SloDataFile.FOLDER), Position.START, refusal.rule(),
                    refusal.getMessage() + " Nothing under " + SloDataFile.FOLDER + "/ was read."));
            return files;
        }
        for (SnapshotSource.Entry folder : sources) {
            if (folder.name().startsWith(".") || folder.kind() != SnapshotSource.Kind.FOLDER) {
                continue;
            }
            String folderPath = SloDataFile.FOLDER + "/" + folder.name();
            List<SnapshotSource.Entry> entries;
            try {
                entries = source.list(folderPath);
            } catch (RefusedFolderException e) {
                SourceException refusal = e.refusal();
                diagnostics.add(Diagnostic.error(refusal.path().orElse(folderPath), Position.START, refusal.rule(),
                        refusal.getMessage()));
                continue;
            }
            for (SnapshotSource.Entry file : entries) {
                String name = file.name();
                String path = folderPath + "/" + name;
                if (!(name.endsWith(".yaml") || name.endsWith(".yml")) || name.startsWith(".")) {
                    continue;
                }
                if (!MONTH_FILE.matcher(name).matches()) {
                    diagnostics.add(Diagnostic.warning(path, Position.START, "unknown-file", "'" + name
                            + "' is not an SLO month file and is ignored; expected YYYY-MM.yaml, e.g. 2026-10.yaml"));
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = source.read(path, FileKind.SLO_MONTH.maxBytes());
                } catch (NoSuchFileException e) {
                    continue;
                } catch (SourceException e) {
                    diagnostics.add(Diagnostic.error(e.path().orElse(path), Position.START, e.rule(), e.getMessage()));
                    continue;
                } catch (IOException e) {
                    diagnostics.add(Diagnostic.error(path, Position.START, "file-unreadable",
                            "cannot read file: " + e.getMessage()));
                    continue;
                }
                LoadedDocument<SloDataFile> loaded = parse(path, bytes);
                diagnostics.addAll(loaded.diagnostics());
                loaded.record().ifPresent(files::add);
            }
        }
        return files;
    }
}
