package io.servicedocs.site.render;

import io.servicedocs.assess.ItemResult;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.assess.ProductReadiness;
import io.servicedocs.model.QualityItem;
import io.servicedocs.site.view.FitView;
import io.servicedocs.site.view.ProductView;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Machine-readable exports of the site: api/products.json (an index), api/products/&lt;id&gt;.json,
 * api/matrix.csv and api/costs.csv.
 */
public final class Exports {

    private Exports() {
    }

    /** Something written to a stream, e.g. a file too large to hold as a string. */
    public interface Writing {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * The version of the products export (api/products.json and api/products/&lt;id&gt;.json),
     * MAJOR.MINOR, as schemas/products-export.schema.json describes it: an additive change raises
     * the minor version, any other change the major one (and the schema with it). 2.0 split the
     * single file of 1.x into a compact index and one file per product: at thousands of products
     * the single file ran to tens of megabytes, too much for a dashboard that wants one product.
     */
    public static final String PRODUCTS_SCHEMA_VERSION = "3.0"; // 2.0: index + api/products/<id>.json (issue 15); the record has 1.4's growth vs savings; 2.1: SLO months (issue 16); 2.2: cost billing and billing_account (issue 14); 3.0: a month not reported in finance.yaml has no profit

    /** The path of a product's own export file, relative to the site's root. */
    public static String productFile(String id) {
        return "api/products/" + id + ".json";
    }

    /** api/products/&lt;id&gt;.json: the components are its keys, in order; the product is the record of 1.x. */
    record ProductFile(String schemaVersion, String generatedOn, ProductView product) {
    }

    /**
     * One line of the index: what a list or a filter needs of a product, and where the rest is.
     *
     * @param file the product's own export, relative to the site's root
     * @param page the product's page, relative to the site's root
     */
    record IndexEntry(String id, String name, Optional<String> tier, String team, String teamName, String phase,
                      String phaseName, boolean meetsPhase, int percentSatisfied, Optional<String> nextPhase,
                      Optional<Integer> nextPercentSatisfied, boolean readyForNext, boolean assessmentStale,
                      int overduePlans, String file, String page) {
    }

    private static final JsonMapper COMPACT = mapper().build();

    private static JsonMapper.Builder mapper() {
        return JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE); // page records
    }

    /**
     * api/products.json, the index: one compact entry per product, one per line (a diff of two
     * builds reads line by line; indenting every key would double the file at 5,000 products).
     */
    public static void writeProductsIndex(String generatedOn, List<ProductView> products, OutputStream out)
            throws IOException {
        java.io.Writer text = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
        text.write("{\"schema_version\": " + COMPACT.writeValueAsString(PRODUCTS_SCHEMA_VERSION)
                + ", \"generated_on\": " + COMPACT.writeValueAsString(generatedOn) + ", \"products\": [");
        for (int i = 0; i < products.size(); i++) {
            ProductView p = products.get(i);
            IndexEntry entry = new IndexEntry(p.id(), p.name(), p.tier(), p.team(), p.teamName(), p.phase().id(),
                    p.phase().name(), p.current().meets(), p.current().percent(), p.next().map(FitView::phase),
                    p.next().map(FitView::percent), p.readyForNext(), p.assessment().stale(),
                    p.overduePlans().size() + p.overdueCheckPlans().size(), productFile(p.id()),
                    "products/" + p.id() + ".html");
            text.write((i == 0 ? "\n" : ",\n") + COMPACT.writeValueAsString(entry));
        }
        text.write("\n]}\n");
        text.flush();
    }

    /**
     * api/products/&lt;id&gt;.json: everything the site shows of one product, compact (a third
     * smaller than indented: 52 MB less at 5,000 products; {@code jq .} or a browser indents it).
     */
    public static void writeProductJson(String generatedOn, ProductView product, OutputStream out) throws IOException {
        COMPACT.writeValue(out, new ProductFile(PRODUCTS_SCHEMA_VERSION, generatedOn, product));
        out.write('\n');
    }

    /**
     * matrix-data.js: the matrix as compact data for the home page's script, as a script that sets
     * {@code window.servicedocsMatrix} (a page opened from file:// may load a script, not fetch()).
     */
    public static void writeMatrixDataScript(io.servicedocs.site.view.MatrixData data, OutputStream out)
            throws IOException {
        String json = JsonMapper.builder().build().writeValueAsString(data)
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        out.write(("window.servicedocsMatrix = " + json + ";\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The search index as JSON: {"language": ..., "entries": [{"kind", "name", "url"}, ...]}. */
    public static String searchIndexJson(io.servicedocs.site.view.SearchIndex index) {
        return JsonMapper.builder().build().writeValueAsString(index) + "\n";
    }

    /**
     * The search index as a script that sets {@code window.servicedocsSearchIndex}: a page opened
     * from file:// cannot fetch() search-index.json, but it can load a script. The JSON is a valid
     * JavaScript expression; U+2028 and U+2029 are escaped for older engines.
     */
    public static String searchIndexScript(io.servicedocs.site.view.SearchIndex index) {
        String json = JsonMapper.builder().build().writeValueAsString(index)
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        return "window.servicedocsSearchIndex = " + json + ";\n";
    }

    /**
     * The maturity matrix as CSV (RFC 4180): one row per product, a level and a status per item.
     * Text cells are {@linkplain #text spreadsheet-safe}; counts and levels are plain numbers.
     */
    public static String matrixCsv(Portfolio portfolio) {
        List<String> header = new ArrayList<>(List.of("product", "name", "phase", "tier", "team", "requirements",
                "satisfied", "percent_satisfied", "meets_phase", "team_name"));
        for (QualityItem item : portfolio.standard().items()) {
            header.add(text(item.id()));
            header.add(text(item.id() + "_status"));
        }
        StringBuilder csv = new StringBuilder();
        row(csv, header);
        for (ProductReadiness p : portfolio.products()) {
            List<String> cells = new ArrayList<>(List.of(text(p.id()), text(p.product().serviceDoc().name()),
                    text(p.phase().id()), text(p.product().serviceDoc().tier().orElse("")),
                    text(p.product().serviceDoc().owners().team()),
                    Integer.toString(p.current().requirements()), Integer.toString(p.current().satisfied()),
                    Integer.toString(p.current().percentSatisfied()), Boolean.toString(p.current().meets()),
                    // after the columns of 1.0, so that a reader by position keeps working
                    text(portfolio.teamName(p.product().serviceDoc().owners().team()))));
            for (ItemResult item : p.current().items()) {
                cells.add(Integer.toString(item.level()));
                cells.add(item.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')); // as in the JSON
            }
            row(csv, cells);
        }
        return csv.toString();
    }

    /**
     * api/costs.csv: every product's every month, in the reporting currency, as the ledger has it:
     * one row per product and month, the direct cost by provider in one column per provider. For
     * finance tools: the same numbers as the pages, to the unit. Text cells are
     * {@linkplain #text spreadsheet-safe}; amounts stay plain numbers (negative ones too).
     */
    public static String costsCsv(io.servicedocs.cost.allocation.CostReport report) {
        List<String> providers = report.products().values().stream()
                .flatMap(p -> p.months().stream()).flatMap(m -> m.directCostByProvider().keySet().stream())
                .distinct().sorted().toList();
        List<String> header = new ArrayList<>(List.of("product", "month", "status", "currency"));
        providers.forEach(provider -> header.add(text("direct_" + provider)));
        header.addAll(List.of("direct", "shared", "prepaid", "maintenance_labour", "operating_cost", "mrr", "profit",
                "investment_labour", "demand", "unit_cost"));
        StringBuilder csv = new StringBuilder();
        row(csv, header);
        for (var product : new java.util.TreeMap<>(report.products()).values()) {
            for (var m : product.months()) {
                List<String> cells = new ArrayList<>(List.of(text(m.productId()), m.month().toString(),
                        m.provisional() || report.provisional(m.month()) ? "provisional" : "final",
                        text(m.currency().getCurrencyCode())));
                providers.forEach(provider -> cells.add(java.util.Optional.ofNullable(m.directCostByProvider().get(provider))
                        .map(money -> money.amount().toPlainString()).orElse("")));
                cells.addAll(List.of(m.directCost().amount().toPlainString(), m.sharedCost().amount().toPlainString(),
                        m.prepaidCost().amount().toPlainString(), reported(m, m.maintenanceLabour()),
                        m.operatingCost().amount().toPlainString(), m.mrr().map(Exports::plain).orElse(""),
                        m.profit().map(Exports::plain).orElse(""), reported(m, m.investmentLabour()),
                        m.demand().map(java.math.BigDecimal::toPlainString).orElse(""),
                        m.unitCost().map(u -> u.amount().toPlainString()).orElse("")));
                row(csv, cells);
            }
        }
        return csv.toString();
    }

    private static String plain(io.servicedocs.model.Money money) {
        return money.amount().toPlainString();
    }

    /** A labour amount of the month, or an empty cell when its finance is not reported (not known, not zero). */
    private static String reported(io.servicedocs.cost.ledger.ProductMonth month, io.servicedocs.model.Money labour) {
        return month.financeReported() ? plain(labour) : "";
    }

    /**
     * A text cell that a spreadsheet opens as text, never as a formula (CSV injection, as OWASP
     * recommends): a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
     * carriage return gets a leading {@code '}, which spreadsheets show as a text marker. Such a
     * cell is also always quoted when written. Numbers the site computes (amounts, counts,
     * levels) are written as they are and never pass through here, so a negative amount stays a
     * number; every text that comes from the repository (names, ids, teams) does.
     */
    static String text(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean quote = cell.startsWith("'") || cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                    || cell.contains("\r");
            csv.append(i == 0 ? "" : ",").append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        csv.append("\r\n");
    }
}
