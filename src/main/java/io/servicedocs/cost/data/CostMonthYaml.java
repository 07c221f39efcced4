package io.servicedocs.cost.data;

import io.servicedocs.load.CostMonthRules;
import io.servicedocs.load.DocumentLoader;
import io.servicedocs.load.FileKind;
import io.servicedocs.load.LoadedDocument;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.CostElement;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostMonth.CostLine;
import io.servicedocs.model.CostMonth.Revision;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Money;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * The text of a cost-data month file, both ways. Writing goes through Jackson's YAML generator
 * with a conservative quoting rule (anything that is not plainly a word is quoted, so ids of
 * digits, 'yes', names with ': ' or '#' all read back as the same strings); amounts are written
 * as plain decimals exactly as held ({@link BigDecimal#toPlainString()}, never through double).
 * Reading goes through the project's own {@link DocumentLoader} and the month file rules of
 * {@link CostMonthRules}, as validation reads it, so that every problem names file, line and column.
 */
public final class CostMonthYaml {

    /** The first line of every month file: editors find the schema through it. */
    public static final String SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/cost-month.schema.json";
    /** The second line. */
    public static final String NOTICE = "# Written by 'servicedocs costs fetch' or 'servicedocs costs import'; "
            + "do not edit by hand: fetch or import again instead.";

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .stringQuotingChecker(new Quoting())
            .build();

    private final DocumentLoader loader;

    public CostMonthYaml(SchemaValidator schemas) {
        this.loader = new DocumentLoader(schemas);
    }

    /**
     * Reads the bytes of the file at {@code path} (relative to the repository root, as
     * diagnostics show it): YAML, schema, binding, and the place (source and month must equal the
     * folder and file name) and uniqueness of lines, as {@code servicedocs validate} checks them.
     * The month is there only when the file has no problem at all.
     */
    public LoadedDocument<CostMonth> parse(String path, byte[] bytes) {
        LoadedDocument<CostMonth> loaded = loader.load(FileKind.COST_MONTH, path, bytes, CostMonth.class);
        if (loaded.record().isEmpty()) {
            return loaded;
        }
        YamlDocument doc = loaded.document().orElseThrow();
        List<Diagnostic> problems = new ArrayList<>(CostMonthRules.misplaced(doc, loaded.record().get()));
        problems.addAll(CostMonthRules.duplicateLines(doc, loaded.record().get()));
        return problems.isEmpty() ? loaded : new LoadedDocument<>(loaded.document(), Optional.empty(), problems);
    }

    /** The file's text: the two comment lines, then the month with its lines in file order. */
    public static String render(CostMonth month) {
        CostMonth m = CostMonths.sorted(month);
        StringWriter out = new StringWriter();
        out.write(SCHEMA_LINE + "\n" + NOTICE + "\n");
        try (JsonGenerator g = YAML.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            string(g, "source", m.source());
            string(g, "month", m.month().toString());
            string(g, "status", m.status().yamlName());
            string(g, "basis", m.basis());
            string(g, "retrieved", m.retrieved().toString());
            if (m.origin().isPresent()) {
                string(g, "origin", m.origin().get());
            }
            g.writeName("costs");
            g.writeStartArray();
            for (CostLine line : m.costs()) {
                g.writeStartObject();
                g.writeName("element");
                element(g, line.element());
                if (line.tag().isPresent()) {
                    string(g, "tag", line.tag().get());
                }
                g.writeName("amount");
                g.writeNumber(CostMonths.plain(line.amount()));
                string(g, "currency", line.currency().getCurrencyCode());
                if (line.billingPeriod().isPresent()) {
                    string(g, "billing_period", line.billingPeriod().get().toString());
                }
                // term purchases on the site (issue 14): the spread purchases in the line
                if (!line.purchases().isEmpty()) {
                    g.writeName("purchases");
                    g.writeStartArray();
                    for (CostMonth.TermPurchase purchase : line.purchases()) {
                        g.writeStartObject();
                        string(g, "description", purchase.description());
                        g.writeName("total");
                        g.writeNumber(CostMonths.plain(purchase.total()));
                        string(g, "term_start", purchase.termStart().toString());
                        string(g, "term_end", purchase.termEnd().toString());
                        g.writeName("months");
                        g.writeNumber(purchase.months());
                        g.writeName("share");
                        g.writeNumber(CostMonths.plain(purchase.share()));
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!m.revisions().isEmpty()) {
                g.writeName("revisions");
                g.writeStartArray();
                for (Revision revision : m.revisions()) {
                    g.writeStartObject();
                    string(g, "replaced", revision.replaced().toString());
                    string(g, "status", revision.status().yamlName());
                    string(g, "retrieved", revision.retrieved().toString());
                    g.writeName("totals");
                    g.writeStartArray();
                    for (Money total : revision.totals()) {
                        g.writeStartObject();
                        g.writeName("amount");
                        g.writeNumber(CostMonths.plain(total.amount()));
                        string(g, "currency", total.currency().getCurrencyCode());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    string(g, "reason", revision.reason());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void element(JsonGenerator g, CostElement element) {
        g.writeStartObject();
        string(g, "provider", CostMonths.providerName(element.provider()));
        string(g, "id", element.id());
        if (element.name().isPresent()) {
            string(g, "name", element.name().get());
        }
        if (element.vendor().isPresent()) {
            string(g, "vendor", element.vendor().get());
        }
        if (element.billingAccount()) {
            g.writeName("billing_account");
            g.writeBoolean(true);
        }
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, String name, String value) {
        g.writeName(name);
        g.writeString(value);
    }

    /**
     * Plain (unquoted) only for what is plainly text: words of letters, digits and {@code . _ / ( ) + -}
     * separated by single spaces, starting with a letter, and not a word YAML 1.1 or 1.2 reads as
     * a boolean, null or number ({@code yes}, {@code off}, {@code null}, {@code .inf}...); and UTC
     * timestamps, which Jackson and the schema read as strings. Everything else is double-quoted
     * (or, with line breaks, a literal block), so ids of digits, months, names with {@code ': '}
     * or {@code '#'} read back unchanged.
     */
    static final class Quoting extends StringQuotingChecker {
        private static final long serialVersionUID = 1L;
        private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._/()+-]*(?: [A-Za-z0-9._/()+-]+)*");
        private static final Pattern TIMESTAMP =
                Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,9})?Z");
        private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off",
                "null", "nan", "inf");

        @Override
        public boolean needToQuoteName(String name) {
            return !PLAIN.matcher(name).matches();
        }

        @Override
        public boolean needToQuoteValue(String value) {
            if (TIMESTAMP.matcher(value).matches()) {
                return false;
            }
            return !PLAIN.matcher(value).matches() || RESERVED.contains(value.toLowerCase(Locale.ROOT));
        }
    }
}
