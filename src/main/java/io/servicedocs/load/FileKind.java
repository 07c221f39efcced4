package io.servicedocs.load;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of file a servicedocs repository holds, where each lives and which schema checks it. */
public enum FileKind {
    SITE("", "site.yaml", "site.schema.json"),
    STANDARD("standards", "standard.yaml", "standard.schema.json"),
    PHASES("standards", "phases.yaml", "phases.schema.json"),
    QUALITY_ITEMS("standards", "quality-items.yaml", "quality-items.schema.json"),
    SECURITY_CHECKLIST("standards", "security-checklist.yaml", "security-checklist.schema.json"),
    SERVICE_DOC("products/<id>", "service-doc.yaml", "service-doc.schema.json"),
    PHASE("products/<id>", "phase.yaml", "phase.schema.json"),
    ASSESSMENT("products/<id>", "assessment.yaml", "assessment.schema.json"),
    SECURITY("products/<id>", "security.yaml", "security.schema.json"),
    FINANCE("products/<id>", "finance.yaml", "finance.schema.json"),
    TEAMS("standards", "teams.yaml", "teams.schema.json", Presence.OPTIONAL_STANDARD),
    COSTS("standards", "costs.yaml", "costs.schema.json", Presence.COST_SETTING),
    EXCHANGE_RATES("standards", "exchange-rates.yaml", "exchange-rates.schema.json", Presence.COST_SETTING),
    USAGE("standards", "usage.yaml", "usage.schema.json", Presence.COST_SETTING),
    COST_MONTH("cost-data/<source>", "<YYYY-MM>.yaml", "cost-month.schema.json"),
    /** SLO fetch (issue 16): slo-data/&lt;source&gt;/&lt;YYYY-MM&gt;.yaml, written by 'slo fetch'. */
    SLO_MONTH(io.servicedocs.model.SloDataFile.FOLDER + "/<source>", "<YYYY-MM>.yaml", "slo-month.schema.json"),
    /** standards/campaigns/&lt;id&gt;.yaml: the folder is optional and may hold any number of campaigns. */
    CAMPAIGN(io.servicedocs.model.Campaign.FOLDER, "<id>.yaml", "campaign.schema.json", Presence.OPTIONAL_FOLDER),
    // SLOs (issue 16): a product's OpenSLO v1 declarations, several YAML documents in one file
    // (each checked against openslo.schema.json), and the standard's SLI templates.
    /** products/&lt;id&gt;/slos.yaml: optional; a product without it declares no SLOs. */
    SLOS("products/<id>", "slos.yaml", "openslo.schema.json", Presence.OPTIONAL_PRODUCT),
    SLI_TEMPLATES("standards", "sli-templates.yaml", "sli-templates.schema.json", Presence.OPTIONAL_STANDARD);

    public static final String STANDARDS_FOLDER = "standards";
    public static final String PRODUCTS_FOLDER = "products";

    /**
     * The largest cost-data month file read (and written): {@code costs import} writes one line
     * per sub-account, tag and currency, some 160 bytes each, so a month of 20,000 Azure
     * subscriptions is 3 MiB and this limit holds some 200,000 lines. Reading is linear: about a
     * second of CPU and 30 MiB of heap per MiB of file, so the largest file still loads in well
     * under a minute on a CI runner's default heap.
     */
    public static final long COST_MONTH_MAX_BYTES = 32L * 1024 * 1024;

    /**
     * Whether a file must exist: the standard's own files must; teams.yaml is part of the standard
     * but optional (a company adopts it when ready); the cost settings are optional and apart.
     */
    private enum Presence { REQUIRED, OPTIONAL_STANDARD, COST_SETTING, OPTIONAL_FOLDER, OPTIONAL_PRODUCT }

    private final String folder;
    private final String fileName;
    private final String schema;
    private final Presence presence;

    FileKind(String folder, String fileName, String schema) {
        this(folder, fileName, schema, Presence.REQUIRED);
    }

    FileKind(String folder, String fileName, String schema, Presence presence) {
        this.folder = folder;
        this.fileName = fileName;
        this.schema = schema;
        this.presence = presence;
    }

    /** Larger files of this kind are refused before they are parsed (and never written). */
    public long maxBytes() {
        return this == COST_MONTH ? COST_MONTH_MAX_BYTES : YamlReader.MAX_BYTES;
    }

    /**
     * {@link #maxBytes()} of the file at {@code path} (relative to the repository root): month
     * files under cost-data/ may be larger than the hand-written files.
     */
    public static long maxBytes(String path) {
        return path.startsWith(io.servicedocs.model.CostMonth.FOLDER + "/") ? COST_MONTH.maxBytes() : YamlReader.MAX_BYTES;
    }

    public String fileName() {
        return fileName;
    }

    /** File name of the JSON Schema in schemas/ that the file names on its first line, for editors. */
    public String schema() {
        return schema;
    }

    /**
     * File name of the JSON Schema the tool checks the whole file against: {@link #schema()}, but
     * for a file of several documents, the schema of the sequence of them (slos.schema.json,
     * which checks each document against openslo.schema.json).
     */
    public String fileSchema() {
        return this == SLOS ? "slos.schema.json" : schema;
    }

    public boolean isProductFile() {
        return folder.startsWith(PRODUCTS_FOLDER);
    }

    /** Path of a repository-level file (site.yaml, standards/...), relative to the repository root. */
    public String standardPath() {
        return folder.isEmpty() ? fileName : folder + "/" + fileName;
    }

    /** Path of the campaign file of this id, relative to the repository root. */
    public static String campaignPath(String id) {
        return io.servicedocs.model.Campaign.FOLDER + "/" + id + ".yaml";
    }

    /** Path of this file in a product folder, relative to the repository root. */
    public String productPath(String productFolder) {
        return PRODUCTS_FOLDER + "/" + productFolder + "/" + fileName;
    }

    /** The four files of the standard; all are required. */
    public static List<FileKind> standardFiles() {
        return inStandards(Presence.REQUIRED);
    }

    /** The standard's optional files (teams.yaml): bound with the standard when present. */
    public static List<FileKind> optionalStandardFiles() {
        return inStandards(Presence.OPTIONAL_STANDARD);
    }

    /** The optional cost settings in standards/: without costs.yaml the site has no cost pages. */
    public static List<FileKind> costSettingFiles() {
        return inStandards(Presence.COST_SETTING);
    }

    private static List<FileKind> inStandards(Presence presence) {
        return Arrays.stream(values()).filter(k -> k.folder.equals(STANDARDS_FOLDER) && k.presence == presence).toList();
    }

    /** The files every product folder must hold (slos.yaml, optional, is not one of them). */
    public static List<FileKind> productFiles() {
        return Arrays.stream(values()).filter(k -> k.isProductFile() && k.presence == Presence.REQUIRED).toList();
    }

    /** The files a product folder may hold besides the required ones: slos.yaml. */
    public static List<FileKind> optionalProductFiles() {
        return Arrays.stream(values()).filter(k -> k.isProductFile() && k.presence == Presence.OPTIONAL_PRODUCT).toList();
    }

    /**
     * Whether a file holds several YAML documents ('---' between them), read with
     * {@link YamlReader#readDocuments}: its tree is a sequence of the documents.
     */
    public boolean multiDocument() {
        return this == SLOS;
    }

    public static Optional<FileKind> productFile(String fileName) {
        return productFiles().stream().filter(k -> k.fileName.equals(fileName)).findFirst();
    }
}
