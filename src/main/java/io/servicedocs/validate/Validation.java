package io.servicedocs.validate;

import io.servicedocs.load.DocumentLoader;
import io.servicedocs.load.FileKind;
import io.servicedocs.load.LoadedDocument;
import io.servicedocs.load.ModelBinder;
import io.servicedocs.load.RawRepository;
import io.servicedocs.load.RawRepository.RawProduct;
import io.servicedocs.load.RepositoryReader;
import io.servicedocs.load.Salvaged;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.load.SiteSources;
import io.servicedocs.load.Translations;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.Assessment;
import io.servicedocs.model.Campaign;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostSettings;
import io.servicedocs.model.Costs;
import io.servicedocs.model.ExchangeRates;
import io.servicedocs.model.UsageMetrics;
import io.servicedocs.model.Finance;
import io.servicedocs.model.PhaseStatus;
import io.servicedocs.model.Product;
import io.servicedocs.model.Repository;
import io.servicedocs.model.SecurityAnswers;
import io.servicedocs.model.ServiceDoc;
import io.servicedocs.model.SloDeclaration;
import io.servicedocs.model.SiteConfig;
import io.servicedocs.model.Standard;
import io.servicedocs.source.SnapshotSource;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The load and validate stages for one snapshot: read every file, check it against its schema,
 * bind what conforms to the model, then apply the semantic rules. Every problem is reported in
 * one run: a product file that fails its schema still runs its rules on a copy without the nodes
 * at fault ({@link io.servicedocs.load.Salvaged}), and only a file that cannot be salvaged (a
 * required property missing at its top) stops the rules that need it. A product with any problem
 * stays out of the model.
 */
public final class Validation {

    private final RepositoryReader reader;
    private final DocumentLoader loader;
    private final io.servicedocs.load.SloDataFiles sloFiles;
    private final ModelBinder binder = new ModelBinder();
    private final LocalDate asOf;
    private final Optional<String> language;

    /**
     * @param schemas the schema checker (expensive to build, share it)
     * @param asOf the day against which expiry, staleness and future dates are judged
     */
    public Validation(SchemaValidator schemas, LocalDate asOf) {
        this(schemas, asOf, Optional.empty());
    }

    /**
     * @param language the language to read the standard and site.yaml in, instead of site.yaml's
     *                 own (the command line's --language); its interface strings are checked by the caller
     */
    private final io.servicedocs.load.ParsedFileCache cache;

    public Validation(SchemaValidator schemas, LocalDate asOf, Optional<String> language) {
        this(schemas, asOf, language, io.servicedocs.load.ParsedFileCache.NONE);
    }

    /** @param cache the parsed and schema-checked files of earlier runs (build cache) */
    public Validation(SchemaValidator schemas, LocalDate asOf, Optional<String> language,
                      io.servicedocs.load.ParsedFileCache cache) {
        this.reader = new RepositoryReader(cache);
        this.loader = new DocumentLoader(schemas, cache);
        this.cache = cache;
        this.sloFiles = new io.servicedocs.load.SloDataFiles(schemas);
        this.asOf = asOf;
        this.language = language;
    }

    /** @throws IOException when the snapshot itself cannot be listed */
    public ValidationResult run(SnapshotSource source) throws IOException {
        try {
            return validate(source);
        } finally {
            cache.save(); // one packed file for the whole run, written once (issue 15: the cold path)
        }
    }

    /**
     * As {@link #run}, without writing the cache's pack: the caller writes it ({@link
     * io.servicedocs.load.ParsedFileCache#save()}), whether this returns or throws, where it
     * costs no time (beside the cost stage, which runs on the other core; issue 15).
     */
    public ValidationResult runLeavingCacheToSave(SnapshotSource source) throws IOException {
        return validate(source);
    }

    private ValidationResult validate(SnapshotSource source) throws IOException {
        RawRepository raw = reader.read(source);
        Findings findings = new Findings();
        findings.addAll(raw.diagnostics());
        if (raw.diagnostics().stream().noneMatch(d -> d.rule().equals("not-a-repository"))) {
            findings.addAll(EngineConfigFiles.find(source));
        }

        // site.yaml first: its language decides which text of every translatable field is read.
        // A site.yaml that fails its schema is reported and the standard is read in the defaults.
        Optional<YamlDocument> siteTree = raw.site().flatMap(doc -> conform(FileKind.SITE, doc, findings));
        Translations.Language language = languageOf(siteTree);
        SiteConfig site = siteTree.flatMap(doc -> {
                    Translations.Resolved resolved = Translations.resolve(FileKind.SITE, doc, language);
                    resolved.missing().ifPresent(findings::add);
                    return binder.bind(resolved.document(), SiteConfig.class, findings::add);
                })
                .orElse(SiteConfig.DEFAULT).withLanguage(language.shown());
        SiteSources.guidesMissing(source, language).ifPresent(findings::add);
        Map<FileKind, YamlDocument> standardWritten = conforming(raw.standard(), findings);
        Map<FileKind, YamlDocument> standardDocs = Translations.resolveAll(standardWritten, language, findings::add);
        // Without a standard, products are still checked against their schemas; the rules that
        // need the standard are skipped, since the standard's own problems are already reported.
        Optional<Standard> standard = binder.bindStandard(standardDocs, findings::add);
        standard.ifPresent(s -> StandardRules.check(s, standardDocs, standardWritten, findings));
        // SLOs (issue 16): the standard's SLI templates, before the products that use them
        standard.filter(s -> standardDocs.containsKey(FileKind.SLI_TEMPLATES)).ifPresent(s ->
                SliTemplateRules.check(s.sliTemplates(), standardDocs.get(FileKind.SLI_TEMPLATES), findings));

        Set<String> productIds = new TreeSet<>(raw.productFolders());
        ProductRules rules = new ProductRules(standard, productIds, asOf);
        SloRules sloRules = new SloRules(standard);
        // Each product is read, parsed, bound, checked and released on one core: only its records
        // and places outlive it (issue 15: all the trees of 5,000 products held ~920 MB).
        List<ProductOutcome> outcomes;
        try {
            outcomes = raw.productFolders().parallelStream()
                    .map(folder -> loadAndCheck(reader.readProduct(source, folder), rules, sloRules))
                    .collect(Collectors.toList());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        List<LoadedProduct> loaded = new ArrayList<>();
        for (ProductOutcome outcome : outcomes) {
            loaded.add(outcome.product);
            findings.addAll(outcome.findings.list());
        }
        loaded.sort(Comparator.comparing(LoadedProduct::folder));
        CostElementRules.check(loaded, findings);
        standard.ifPresent(s -> TagConditionRules.check(s, Optional.ofNullable(standardDocs.get(FileKind.QUALITY_ITEMS)),
                loaded.stream().map(LoadedProduct::serviceDoc).flatMap(Optional::stream).toList(), findings));
        Costs costs = loadCosts(raw, loaded, findings);
        List<Campaign> campaigns = loadCampaigns(raw, language, standard, loaded, findings);
        // SLO measurements (issue 16): slo-data/<source>/<YYYY-MM>.yaml, each file checked alone
        List<io.servicedocs.model.Diagnostic> sloProblems = new ArrayList<>();
        List<io.servicedocs.model.SloMonth> sloMonths = sloFiles.readAll(source, sloProblems).stream()
                .flatMap(file -> file.slos().stream()).toList();
        findings.addAll(sloProblems);
        standard.ifPresent(s -> {
            SloLevelRules.checkStandard(s, Optional.ofNullable(standardDocs.get(FileKind.QUALITY_ITEMS)), findings);
            Map<String, YamlDocument> assessments = new HashMap<>();
            loaded.forEach(p -> Optional.ofNullable(p.documents().get(FileKind.ASSESSMENT))
                    .ifPresent(doc -> assessments.put(p.id(), doc)));
            SloLevelRules.check(s, loaded.stream().map(LoadedProduct::product).flatMap(Optional::stream).toList(),
                    assessments, sloMonths, findings);
        });

        Optional<Repository> repository = standard.map(s -> new Repository(site, s,
                loaded.stream().map(LoadedProduct::product).flatMap(Optional::stream)
                        .sorted(Comparator.comparing(Product::id)).toList(), costs, campaigns, sloMonths));
        return new ValidationResult(repository, findings.list());
    }

    /**
     * The campaigns that conform, bind and follow their rules, sorted by id. Their texts are read
     * in the site's language, as the standard's are; without a standard only their schemas are checked.
     */
    private List<Campaign> loadCampaigns(RawRepository raw, Translations.Language language, Optional<Standard> standard,
                                         List<LoadedProduct> products, Findings findings) {
        List<Campaign> campaigns = new ArrayList<>();
        Map<String, String> fileOfId = new HashMap<>();
        for (YamlDocument doc : raw.campaigns()) {
            boolean named = CampaignRules.checkName(doc, findings);
            // foo.yaml and foo.yml are one id: the second would write over the first's page
            String first = fileOfId.putIfAbsent(CampaignRules.idOf(doc.path()), doc.path());
            if (first != null) {
                findings.errorAtFile(doc.path(), "duplicate-campaign", "campaign id '" + CampaignRules.idOf(doc.path())
                        + "' is also the id of " + first + " (a campaign's id is its file's name); rename or merge one");
                continue;
            }
            Optional<YamlDocument> conforming = conform(FileKind.CAMPAIGN, doc, findings);
            if (conforming.isEmpty() || standard.isEmpty()) {
                continue;
            }
            Translations.Resolved resolved = Translations.resolve(FileKind.CAMPAIGN, conforming.get(), language);
            resolved.missing().ifPresent(findings::add);
            Optional<Campaign> campaign = binder.bindCampaign(resolved.document(), CampaignRules.idOf(doc.path()),
                    findings::add);
            if (campaign.isPresent() && CampaignRules.check(campaign.get(), resolved.document(), standard.get(), products,
                    findings) && named) {
                campaigns.add(campaign.get());
            }
        }
        campaigns.sort(Comparator.comparing(Campaign::id));
        return campaigns;
    }

    /** The cost settings and cost data that conform and bind, after the cost rules have judged them. */
    private Costs loadCosts(RawRepository raw, List<LoadedProduct> products, Findings findings) {
        Map<FileKind, YamlDocument> settingDocs = new EnumMap<>(FileKind.class);
        Optional<CostSettings> settings = load(raw.costSettings(), FileKind.COSTS, CostSettings.class, settingDocs, findings);
        ExchangeRates rates = load(raw.costSettings(), FileKind.EXCHANGE_RATES, ExchangeRates.class, settingDocs, findings)
                .orElse(ExchangeRates.NONE);
        UsageMetrics usage = load(raw.costSettings(), FileKind.USAGE, UsageMetrics.class, settingDocs, findings)
                .orElse(UsageMetrics.NONE);
        // Month files are independent (and many): check and bind them on every core, in order.
        List<MonthOutcome> outcomes = raw.costMonths().parallelStream().map(this::loadMonth).collect(Collectors.toList());
        List<CostRules.LoadedMonth> months = new ArrayList<>();
        for (MonthOutcome outcome : outcomes) {
            findings.addAll(outcome.findings().list());
            outcome.month().ifPresent(months::add);
        }
        int before = findings.list().size();
        new CostRules(settings, Optional.ofNullable(settingDocs.get(FileKind.COSTS)), rates,
                Optional.ofNullable(settingDocs.get(FileKind.EXCHANGE_RATES)), usage,
                Optional.ofNullable(settingDocs.get(FileKind.USAGE)), findings)
                .check(products, months, raw.costSettings().containsKey(FileKind.COSTS));
        boolean costErrors = findings.list().subList(before, findings.list().size()).stream()
                .anyMatch(io.servicedocs.model.Diagnostic::isError)
                || raw.costSettings().size() != settingDocs.size()
                || raw.costMonths().size() != months.size();
        // Costs with errors are not computed at all: a page of partly wrong money is worse than none.
        if (costErrors) {
            return Costs.NONE;
        }
        return new Costs(settings, rates, usage, months.stream().map(CostRules.LoadedMonth::month).toList());
    }

    private record ProductOutcome(LoadedProduct product, Findings findings) {
    }

    private record MonthOutcome(Optional<CostRules.LoadedMonth> month, Findings findings) {
    }

    private MonthOutcome loadMonth(YamlDocument doc) {
        Findings findings = new Findings();
        LoadedDocument<CostMonth> loaded = load(FileKind.COST_MONTH, doc, CostMonth.class, findings);
        return new MonthOutcome(loaded.record().map(month -> new CostRules.LoadedMonth(doc, month)), findings);
    }

    private ProductOutcome loadAndCheck(RawRepository.ProductRead read, ProductRules rules, SloRules sloRules) {
        RawProduct raw = read.product();
        Findings findings = new Findings();
        findings.addAll(read.diagnostics());
        ProductFiles files = new ProductFiles(raw, findings);
        LoadedDocument<ServiceDoc> serviceDoc = files.load(FileKind.SERVICE_DOC, ServiceDoc.class);
        Optional<PhaseStatus> phase = files.load(FileKind.PHASE, PhaseStatus.class).record();
        Optional<Assessment> assessment = files.load(FileKind.ASSESSMENT, Assessment.class).record();
        Optional<SecurityAnswers> security = files.load(FileKind.SECURITY, SecurityAnswers.class).record();
        Optional<Finance> finance = files.load(FileKind.FINANCE, Finance.class).record();
        Optional<List<SloDeclaration>> slos = slos(raw, sloRules, files, findings);
        LoadedProduct product = new LoadedProduct(raw.folder(), files.documents, serviceDoc.record(), phase,
                assessment, security, finance, files.complete, files.pruned, claims(raw, serviceDoc), slos);
        rules.check(product, findings);
        rules.hintSchemaErrors(raw.files(), findings);
        return new ProductOutcome(released(product), findings);
    }

    /**
     * The product as the rules that span products need it, once its own checks are done: its
     * records, and its documents without their trees ({@link YamlDocument#released()}), which
     * still place findings. A later rule asking a released tree fails loudly, never silently.
     */
    private static LoadedProduct released(LoadedProduct product) {
        Map<YamlDocument, YamlDocument> released = new java.util.IdentityHashMap<>();
        Map<FileKind, YamlDocument> documents = new EnumMap<>(FileKind.class);
        product.documents().forEach((kind, doc) -> documents.put(kind, released.computeIfAbsent(doc, YamlDocument::released)));
        CostClaims claims = product.claims();
        if (!claims.claims().isEmpty()) {
            claims = new CostClaims(claims.claims().stream().map(claim -> new CostClaims.Claim(claim.element(),
                    released.computeIfAbsent(claim.doc(), YamlDocument::released), claim.pointer())).toList(),
                    claims.doubtedIds(), claims.allDoubted());
        }
        return new LoadedProduct(product.folder(), documents, product.serviceDoc(), product.phase(),
                product.assessment(), product.security(), product.finance(), product.complete(),
                product.prunedByFile(), claims, product.slos());
    }

    /**
     * The SLOs of the product's slos.yaml (OpenSLO v1): none without the file; empty when the file
     * fails its schema or its rules (all reported), so that the product stays out of the model.
     */
    private Optional<List<SloDeclaration>> slos(RawProduct raw, SloRules sloRules, ProductFiles files, Findings findings) {
        Optional<YamlDocument> written = raw.file(FileKind.SLOS);
        if (written.isEmpty()) {
            return Optional.of(List.of());
        }
        LoadedDocument<YamlDocument> conforming = loader.conform(FileKind.SLOS, written.get());
        findings.addAll(conforming.diagnostics());
        if (conforming.document().isEmpty()) {
            return Optional.empty();
        }
        files.documents.put(FileKind.SLOS, conforming.document().get());
        return sloRules.check(conforming.document().get(), raw.folder(), findings);
    }

    /** The cost elements the Service Doc claims, as far as they can be read (see {@link CostClaims}). */
    private CostClaims claims(RawProduct raw, LoadedDocument<ServiceDoc> serviceDoc) {
        Optional<YamlDocument> original = raw.file(FileKind.SERVICE_DOC);
        if (original.isEmpty()) {
            return CostClaims.UNKNOWN; // missing or unparseable: reported, and nothing can be said of its claims
        }
        if (serviceDoc.diagnostics().isEmpty()) {
            return CostClaims.of(serviceDoc.record().orElseThrow(), serviceDoc.document().orElseThrow());
        }
        return CostClaims.salvaged(original.get(), serviceDoc.salvaged(), binder);
    }

    /**
     * The files of one product, each loaded as far as it goes: the records and documents the
     * rules use (a salvaged copy when a file failed its schema), which files are complete, and
     * what was pruned where.
     */
    private final class ProductFiles {
        private final RawProduct raw;
        private final Findings findings;
        final Map<FileKind, YamlDocument> documents = new EnumMap<>(FileKind.class);
        final Set<FileKind> complete = java.util.EnumSet.noneOf(FileKind.class);
        final Map<FileKind, Set<String>> pruned = new EnumMap<>(FileKind.class);

        ProductFiles(RawProduct raw, Findings findings) {
            this.raw = raw;
            this.findings = findings;
        }

        /** The file's load; its record is the salvaged one when the file failed its schema but could be salvaged. */
        <T> LoadedDocument<T> load(FileKind kind, Class<T> type) {
            YamlDocument doc = raw.files().get(kind);
            if (doc == null) {
                return LoadedDocument.refused(List.of());
            }
            LoadedDocument<T> loaded = loader.loadSalvaging(kind, doc, type);
            findings.addAll(loaded.diagnostics());
            if (loaded.record().isPresent() && loaded.diagnostics().isEmpty()) {
                complete.add(kind);
            }
            loaded.document().ifPresent(d -> documents.put(kind, d));
            Optional<Salvaged<T>> salvaged = loaded.salvaged().filter(s -> s.record().isPresent());
            if (salvaged.isPresent()) {
                documents.put(kind, salvaged.get().document().orElseThrow());
                pruned.put(kind, salvaged.get().pruned());
                return new LoadedDocument<>(Optional.empty(), salvaged.get().record(), loaded.diagnostics(),
                        loaded.salvaged());
            }
            return loaded;
        }
    }

    /** The language shown (--language, else site.yaml's) and the one plain texts are written in. */
    private Translations.Language languageOf(Optional<YamlDocument> site) {
        String written = site.map(doc -> doc.root().path("default_language")).filter(JsonNode::isString)
                .map(JsonNode::asString).orElse(SiteConfig.DEFAULT_LANGUAGE);
        String shown = language.or(() -> site.map(doc -> doc.root().path("language")).filter(JsonNode::isString)
                .map(JsonNode::asString)).orElse(SiteConfig.DEFAULT.language());
        return new Translations.Language(shown, written);
    }

    private Optional<YamlDocument> conform(FileKind kind, YamlDocument doc, Findings findings) {
        LoadedDocument<YamlDocument> checked = loader.conform(kind, doc);
        findings.addAll(checked.diagnostics());
        return checked.document();
    }

    /** The documents that pass their schema; the problems of the others go to {@code findings}. */
    private Map<FileKind, YamlDocument> conforming(Map<FileKind, YamlDocument> docs, Findings findings) {
        Map<FileKind, YamlDocument> valid = new EnumMap<>(FileKind.class);
        docs.forEach((kind, doc) -> {
            LoadedDocument<YamlDocument> checked = loader.conform(kind, doc);
            findings.addAll(checked.diagnostics());
            checked.document().ifPresent(conforms -> valid.put(kind, conforms));
        });
        return valid;
    }

    /**
     * The record of the file of {@code kind} among {@code docs}, when it is there, conforms and
     * binds; its tree goes to {@code conforming} when it passes its schema (rules place findings in it).
     */
    private <T> Optional<T> load(Map<FileKind, YamlDocument> docs, FileKind kind, Class<T> type,
                                 Map<FileKind, YamlDocument> conforming, Findings findings) {
        YamlDocument doc = docs.get(kind);
        if (doc == null) {
            return Optional.empty();
        }
        LoadedDocument<T> loaded = load(kind, doc, type, findings);
        loaded.document().ifPresent(d -> conforming.put(kind, d));
        return loaded.record();
    }

    private <T> LoadedDocument<T> load(FileKind kind, YamlDocument doc, Class<T> type, Findings findings) {
        LoadedDocument<T> loaded = loader.load(kind, doc, type);
        findings.addAll(loaded.diagnostics());
        return loaded;
    }
}
