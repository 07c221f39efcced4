package io.servicedocs.site.render;

import io.servicedocs.site.svg.Badge;

import io.servicedocs.site.view.CostViews;
import io.servicedocs.site.view.HistoryViews;
import io.servicedocs.site.view.ProductView;
import io.servicedocs.site.view.SiteInfo;
import io.servicedocs.site.view.SiteInfo.GuideLink;
import io.servicedocs.site.view.SitePages;
import io.servicedocs.site.view.StandardPage;
import io.servicedocs.site.view.Views;


import io.servicedocs.assess.Portfolio;
import io.servicedocs.assess.ProductReadiness;
import io.servicedocs.history.History;
import io.servicedocs.model.Repository;
import io.servicedocs.model.SiteConfig;
import io.servicedocs.source.RepositoryFiles;
import io.servicedocs.source.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.parser.Engines;
import org.jbake.parser.ParserEngine;
import org.jbake.template.model.TemplateModel;

/**
 * Renders the site with JBake: the repository's FreeMarker templates (templates/), its AsciiDoc
 * guides (content/, converted in SECURE mode) and assets (assets/), plus the pages computed from
 * the assessed portfolio.
 *
 * <p>JBake's {@code Oven} is not used: it starts an OrientDB store on every bake and renders each
 * document after querying all documents of its type, which is quadratic. Every page here is
 * rendered once from an in-memory model through JBake's markup engines and our locked-down
 * FreeMarker ({@link SecureFreemarker}); JBake is configured in code ({@link JBakeSettings}).
 */
public final class SiteBuilder {

    /** -Dservicedocs.timing=true prints where a build spends its time (bench/build.sh). */
    private static final boolean TIMING = Boolean.getBoolean("servicedocs.timing");

    /** The CPU time of the render's threads, for the timing: on a machine shared with other work it varies less than the wall time. */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * The products a team's card on teams.html lists; a team with more gets a page of its own
     * (teams/&lt;id&gt;.html) that lists them all. The template reads it as team_first_products.
     */
    static final int TEAM_FIRST_PRODUCTS = 20;

    private final Path repositoryRoot;
    /** Time spent per template, summed over threads, when timing is on. */
    private final Map<String, Long> times = new java.util.concurrent.ConcurrentHashMap<>();

    /** Copies the product pages whose inputs did not change from the published site (build cache). */
    private final Optional<PageReuse> reuse;

    public SiteBuilder(Path repositoryRoot) {
        this(repositoryRoot, Optional.empty());
    }

    /** What Asciidoctor made of the last build's texts (build cache), or nothing. */
    private final ConvertedAsciidoc conversions;

    public SiteBuilder(Path repositoryRoot, Optional<PageReuse> reuse) {
        this(repositoryRoot, reuse, ConvertedAsciidoc.none());
    }

    public SiteBuilder(Path repositoryRoot, Optional<PageReuse> reuse, ConvertedAsciidoc conversions) {
        this.repositoryRoot = repositoryRoot;
        this.reuse = reuse;
        this.conversions = conversions;
    }

    /** Renders the whole site into {@code destination}, an empty folder; returns the number of files written. */
    public int build(Repository repository, Portfolio portfolio, Optional<History> history,
                     Optional<io.servicedocs.cost.allocation.CostReport> costs, Path destination)
            throws IOException, SiteException {
        if (!conversions.lastBuildKnown()) {
            SecureAsciidoc.warmUp(); // else JRuby starts at the first text the last build did not convert
        }
        SecureAsciidoc.startBuild();
        SecureAsciidoctorEngine.register();
        // Every file the site reads or copies is vetted first (RepositoryFiles): FreeMarker,
        // Asciidoctor and the asset copy then only meet regular files inside the repository
        // and outside .git, whatever links the trees hold.
        RepositoryFiles files = new RepositoryFiles(repositoryRoot);
        Map<String, List<RepositoryFiles.Vetted>> trees = new java.util.HashMap<>();
        for (String folder : List.of("templates", "content", "assets")) {
            try {
                if (!folder.equals("assets") && files.vet(folder).filter(RepositoryFiles.Vetted::folder).isEmpty()) {
                    throw new SiteException("the repository has no " + folder + "/ folder; expected the site's "
                            + (folder.equals("templates") ? "FreeMarker templates" : "AsciiDoc pages") + " there");
                }
                trees.put(folder, files.tree(folder));
            } catch (SourceException e) {
                throw new SiteException(e.getMessage().replaceAll("\\.$", ""), e); // the caller goes on: "; the previous..."
            }
        }
        // Made in code only: no jbake.properties (or any file) of the repository is read.
        DefaultJBakeConfiguration config = JBakeSettings.create(repositoryRoot, destination);
        SiteConfig site = repository.site();
        // The content pages are converted (by JRuby, on its workers) while this thread builds the
        // views: done one after the other, the conversions left a core idle for most of a second
        // of every build (issue 15). Failures keep their order: one of the views first, then one
        // of the content pages, then one of the standard's descriptions.
        long guidesStart = System.nanoTime();
        Started<List<DocumentModel>> guidesStarted = new Started<>("servicedocs-guides", () -> {
            try {
                return guides(config, trees.get("content"), site);
            } finally {
                times.put("guides", System.nanoTime() - guidesStart);
            }
        });
        Map<String, String> messages;
        List<ProductView> productViews;
        SitePages pages;
        HistoryViews historyViews;
        CostViews costViews;
        io.servicedocs.site.view.SloViews sloViews;
        io.servicedocs.site.view.CampaignViews campaignViews;
        try {
            messages = Messages.load(files, site.language());
            long viewsStart = System.nanoTime();
            productViews = new Views(portfolio, conversions::field, costs, repository.sloMonths()).products();
            times.put("views", System.nanoTime() - viewsStart);
            pages = new SitePages(portfolio, productViews, conversions::field, costs);
            historyViews = new HistoryViews(history, portfolio, messages.getOrDefault("improvements.chart_title", ""),
                    messages.getOrDefault("improvements.increases", ""), messages.getOrDefault("improvements.share_met", ""));
            costViews = new CostViews(costs, portfolio, messages);
            // SLOs measured (issue 16): the product pages' SLO sections and the company SLO page
            sloViews = new io.servicedocs.site.view.SloViews(portfolio, repository.sloMonths(), messages);
            campaignViews = new io.servicedocs.site.view.CampaignViews(repository.campaigns(), portfolio, history, messages);
        } catch (IOException | SiteException | RuntimeException | Error e) {
            guidesStarted.finish();
            throw e;
        }
        long standardStart = System.nanoTime();
        StandardPage standard;
        try {
            standard = pages.standard();
        } catch (RuntimeException | Error e) {
            guidesStarted.await(); // a content page's failure first, as when they were converted first
            throw e;
        }
        times.put("standard", System.nanoTime() - standardStart);
        List<DocumentModel> guideDocs = guidesStarted.await();
        List<GuideLink> guideLinks = guideDocs.stream().map(g -> new GuideLink(g.getTitle(), g.getUri())).toList();
        Optional<String> baseUrl = site.baseUrl().filter(b -> !b.isEmpty());
        Map<String, Object> common = model("site", new SiteInfo(site.title(), site.language(), site.company(),
                        site.baseUrl(), baseUrl.map(b -> b.endsWith("/") ? b : b + "/"), portfolio.asOf().toString(),
                        repository.standard().info().name(), repository.standard().info().version()),
                "t", messages, "guides", guideLinks, "history_available", history.isPresent(),
                "costs_available", costs.isPresent(), "team_first_products", TEAM_FIRST_PRODUCTS);
        Renderer renderer = new Renderer(new SecureFreemarker(repositoryRoot.resolve("templates")), destination, common, times,
                reuse, reuse.isEmpty() ? ""
                : templatesText(trees.get("templates")) + java.util.Locale.getDefault() + " "
                        + java.util.TimeZone.getDefault().getID() + "\n" + common);

        // Every file is independent of the others: render them all on every core, the big
        // cross-product pages first so that none of them is left running alone at the end.
        List<PageTask> tasks = new ArrayList<>();
        io.servicedocs.site.view.MatrixPage matrix = pages.matrix();
        tasks.add(() -> renderer.page("index.ftl", "index.html", "matrix", model("matrix", matrix,
                "campaigns", campaignViews.shown())));
        tasks.add(() -> renderer.stream("matrix-data.js", out -> Exports.writeMatrixDataScript(pages.matrixData(messages), out)));
        for (io.servicedocs.site.view.MatrixPage.ListPage listPage : matrix.listPages()) {
            tasks.add(() -> renderer.page("matrix-list.ftl", "matrix/" + listPage.number() + ".html", "matrix",
                    model("matrix", matrix, "list_page", listPage)));
        }
        // a page of the security matrix or of readiness holds its own products and the links to
        // the other pages: one product changed, the pages without it are copied, as product pages are
        for (io.servicedocs.site.view.SecurityMatrixPage securityPage : pages.securityPages()) {
            tasks.add(() -> renderer.reusablePage("security.ftl", securityPage.path(), "security",
                    model("security_matrix", securityPage)));
        }
        Map<String, String> readinessPaths = pages.readinessPaths();
        for (io.servicedocs.site.view.ReadinessPage readinessPage : pages.readinessPages()) {
            tasks.add(() -> renderer.reusablePage("readiness.ftl", readinessPage.path(), "readiness",
                    model("readiness", readinessPage.products(), "readiness_page", readinessPage)));
        }
        tasks.add(() -> renderer.stream("api/products.json",
                out -> Exports.writeProductsIndex(portfolio.asOf().toString(), productViews, out)));
        List<io.servicedocs.site.view.TeamView> teams = pages.teams();
        tasks.add(() -> renderer.page("teams.ftl", "teams.html", "teams", model("teams", teams,
                "team_campaigns", campaignViews.teams(), "readiness_paths", readinessPaths)));
        for (io.servicedocs.site.view.TeamView team : teams) {
            if (team.products().size() > TEAM_FIRST_PRODUCTS) {
                tasks.add(() -> renderer.page("team.ftl", "teams/" + team.id() + ".html", "teams", model("team", team,
                        "team_campaigns", campaignViews.teams(), "readiness_paths", readinessPaths)));
            }
        }
        tasks.add(() -> renderer.page("campaigns.ftl", "campaigns.html", "campaigns",
                model("campaigns", campaignViews.all())));
        for (io.servicedocs.site.view.CampaignPage campaign : campaignViews.all()) {
            tasks.add(() -> renderer.page("campaign.ftl", "campaigns/" + campaign.id() + ".html", "campaigns",
                    model("campaign", campaign)));
        }
        tasks.add(() -> renderer.file("api/matrix.csv", Exports.matrixCsv(portfolio)));
        tasks.add(() -> renderer.page("phases.ftl", "standard/phases.html", "standard", model("standard", standard)));
        tasks.add(() -> renderer.page("items.ftl", "standard/items.html", "standard", model("standard", standard)));
        tasks.add(() -> renderer.page("checklist.ftl", "standard/checklist.html", "standard", model("standard", standard)));
        var historyPage = historyViews.site(); // empty outside a git checkout: the pages say so
        tasks.add(() -> renderer.page("improvements.ftl", "improvements.html", "improvements", model("history", historyPage)));
        tasks.add(() -> renderer.page("lead-times.ftl", "lead-times.html", "lead_times", model("history", historyPage)));
        var costPages = costViews.pages();
        tasks.add(() -> renderer.page("costs.ftl", "costs.html", "costs", model("costs", costPages.map(CostViews.Pages::first))));
        // the rows of the products' tables that do not fit on costs.html (issue 15)
        for (io.servicedocs.site.view.CostsPage.More more : costPages.map(CostViews.Pages::more).orElse(List.of())) {
            tasks.add(() -> renderer.page("costs-more.ftl", more.paging().path(), "costs", model("costs", more)));
        }
        tasks.add(() -> renderer.page("slos.ftl", "slos.html", "slos", model("slos", sloViews.company()))); // issue 16
        if (costs.isPresent()) {
            tasks.add(() -> renderer.file("api/costs.csv", Exports.costsCsv(costs.get())));
        }
        for (DocumentModel guide : guideDocs) {
            List<GuideLink> others = guideLinks.stream().filter(g -> !g.url().equals(guide.getUri())).toList();
            tasks.add(() -> renderer.guide(guide, others));
        }
        for (ProductReadiness product : portfolio.products()) {
            tasks.add(() -> renderer.reusablePage("product.ftl", "products/" + product.id() + ".html", "products",
                    model("product", pages.product(product.id()), "standard", standard,
                            "product_history", historyViews.product(product.id()),
                            "product_costs", costViews.product(product.id()),
                            "product_campaigns", campaignViews.product(product.id()),
                            "product_slos", sloViews.product(product.id()), // product_slos, product_risks: issue 16
                            "product_risks", pages.risks().byProduct().getOrDefault(product.id(),
                                    new io.servicedocs.site.view.Risks.ProductRisks(List.of())))));
            tasks.add(() -> renderer.file("badges/" + product.id() + ".svg", Badge.of(product)));
            // the product's export, like its page, is copied from the published site when its inputs are the same
            tasks.add(() -> renderer.reusableStream(Exports.productFile(product.id()),
                    model("generated_on", portfolio.asOf().toString(), "product", pages.product(product.id())),
                    out -> Exports.writeProductJson(portfolio.asOf().toString(), pages.product(product.id()), out)));
        }
        io.servicedocs.site.view.SearchIndex searchIndex =
                io.servicedocs.site.view.SearchIndex.of(portfolio, guideLinks, site.language());
        tasks.add(() -> renderer.file("search-index.json", Exports.searchIndexJson(searchIndex)));
        tasks.add(() -> renderer.file("search-index.js", Exports.searchIndexScript(searchIndex)));
        long tasksStart = System.nanoTime();
        runAll(tasks, times);
        times.put("all pages (wall)", System.nanoTime() - tasksStart);
        if (TIMING) {
            times.forEach((template, nanos) -> System.err.printf("servicedocs timing: %s %d ms (summed over threads)%n",
                    template, nanos / 1_000_000));
            System.err.printf("servicedocs timing: fingerprints hashed %d bytes%n", ModelDigest.HASHED.sum());
        }
        copyAssets(trees.get("assets"), destination);
        return renderer.count.get();
    }

    /**
     * Copies the vetted files of assets/ to the same paths under the destination, as JBake's
     * asset copy did (which follows every link): only regular files of the repository are read.
     */
    private static void copyAssets(List<RepositoryFiles.Vetted> assets, Path destination) throws IOException {
        for (RepositoryFiles.Vetted asset : assets) {
            Path target = destination.resolve(asset.path().substring("assets/".length()));
            Files.createDirectories(target.getParent());
            Files.copy(asset.real(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /**
     * What work on another thread threw, to be thrown here as it was thrown: a site refusal, an
     * I/O failure, an unchecked exception or an error (anything else, which the work cannot
     * declare, wrapped).
     */
    private static IllegalStateException rethrown(java.util.concurrent.ExecutionException e)
            throws IOException, SiteException {
        if (e.getCause() instanceof SiteException site) {
            throw site;
        }
        if (e.getCause() instanceof IOException io) {
            throw io;
        }
        if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e.getCause());
    }

    /**
     * Work started on a thread of its own and awaited later: {@link #await()} gives its result or
     * throws what it threw, as it was.
     */
    private static final class Started<T> {
        private final java.util.concurrent.FutureTask<T> task;

        Started(String name, java.util.concurrent.Callable<T> work) {
            task = new java.util.concurrent.FutureTask<>(work);
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        }

        T await() throws IOException, SiteException {
            try {
                return task.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw rethrown(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while converting the content pages");
            }
        }

        /** Waits for the work to end, whatever its outcome, when the build fails for another reason: nothing of a build runs after it. */
        void finish() {
            try {
                task.get();
            } catch (java.util.concurrent.ExecutionException e) {
                // the build reports its own failure
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One file of the site to write. */
    private interface PageTask {
        void run() throws IOException, SiteException;
    }

    /**
     * Runs the tasks on as many threads as there are cores (FreeMarker templates are thread-safe),
     * in order of submission; the first failure stops the rest and is rethrown as it was.
     */
    private static void runAll(List<PageTask> tasks, Map<String, Long> times) throws IOException, SiteException {
        int threads = Runtime.getRuntime().availableProcessors();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "servicedocs-render");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<java.util.concurrent.Future<Void>> results = new ArrayList<>();
            for (PageTask task : tasks) {
                results.add(pool.submit(() -> {
                    long cpu = TIMING ? THREADS.getCurrentThreadCpuTime() : 0;
                    try {
                        task.run();
                    } finally {
                        if (TIMING) {
                            times.merge("all pages (CPU)", THREADS.getCurrentThreadCpuTime() - cpu, Long::sum);
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<Void> result : results) {
                try {
                    result.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw rethrown(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while rendering");
                }
            }
        } finally {
            // After a failure, the pages being written must be finished before the caller
            // deletes the staging folder; the ones not started are dropped.
            pool.shutdownNow();
            try {
                if (!pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES)) {
                    throw new IllegalStateException("rendering threads did not stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The AsciiDoc pages of content/, parsed by JBake with the secure engine, sorted by file name.
     * A site shown in another language than its default one publishes content/&lt;language&gt;/NAME.adoc
     * instead of content/NAME.adoc, at the same URL (so that links between pages hold), and the
     * pages of content/&lt;language&gt;/ that have no default-language counterpart too; a guide
     * missing in the language stays in the default one (validation warns of it).
     */
    private List<DocumentModel> guides(DefaultJBakeConfiguration config, List<RepositoryFiles.Vetted> content,
                                       SiteConfig site) throws IOException, SiteException {
        // The pages are the .adoc files of content/ itself (or of content/<language>/), vetted (a
        // link is read where it really leads), by the name of their page.
        Map<String, String> pages = new java.util.TreeMap<>();
        pagesIn(content, "content").forEach(pages::put);
        if (!site.language().equals(site.defaultLanguage())) {
            pagesIn(content, "content/" + site.language()).forEach(pages::put);
        }
        ParserEngine parser = Engines.get("adoc");
        List<DocumentModel> guides = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String path = page.getValue();
            Path file = repositoryRoot.resolve(path);
            SecureAsciidoctorEngine.refuseTooLong(file);
            String text = pageText(file, path);
            java.util.Optional<io.servicedocs.validate.AsciidocPassthrough.Found> passthrough =
                    io.servicedocs.validate.AsciidocPassthrough.find(text);
            if (passthrough.isPresent()) {
                throw new SiteException(path + ":" + passthrough.get().line() + ": " + passthrough.get().message());
            }
            DocumentModel doc = SecureAsciidoctorEngine.parseWith(conversions, () -> parser.parse(config, file.toFile()));
            if (doc == null) {
                throw new SiteException(path + " could not be read as AsciiDoc");
            }
            doc.setUri("guides/" + page.getKey() + ".html");
            if (doc.getTitle() == null || doc.getTitle().isBlank()) {
                throw new SiteException(path + ":1: the page has no title; expected a first line '= Title'");
            }
            guides.add(doc);
        }
        return guides;
    }

    /** The vetted .adoc files directly in {@code folder}: page name (file name without .adoc) to path. */
    private static Map<String, String> pagesIn(List<RepositoryFiles.Vetted> content, String folder) {
        Map<String, String> pages = new java.util.TreeMap<>();
        for (RepositoryFiles.Vetted file : content) {
            String path = file.path();
            if (!file.folder() && path.startsWith(folder + "/") && path.lastIndexOf('/') == folder.length() && path.endsWith(".adoc")) {
                pages.put(path.substring(folder.length() + 1, path.length() - ".adoc".length()), path);
            }
        }
        return pages;
    }

    /**
     * The text of a content page: UTF-8 without control characters, unpaired surrogates or
     * noncharacters, as in YAML (they would make the page ill-formed HTML); else an error at the
     * place of the first one.
     */
    private static String pageText(Path file, String name) throws IOException, SiteException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SiteException(name + ": the page is not valid UTF-8; save it as UTF-8");
        }
        int refused = io.servicedocs.load.TextCharacters.firstRefused(text);
        if (refused >= 0) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < refused; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new SiteException(name + ":" + line + ":" + (refused - lineStart + 1) + ": "
                    + io.servicedocs.load.TextCharacters.message(text, refused, "the page") + " ["
                    + io.servicedocs.load.TextCharacters.RULE + "]");
        }
        return text;
    }

    /** Every file of templates/ by path and SHA-256: a product page depends on all of them (macros, strings). */
    private static String templatesText(List<RepositoryFiles.Vetted> templates) throws IOException {
        StringBuilder text = new StringBuilder();
        for (RepositoryFiles.Vetted file : templates) {
            if (!file.folder()) {
                text.append(file.path()).append(' ').append(java.util.HexFormat.of()
                        .formatHex(io.servicedocs.cache.CacheFolder.sha256().digest(Files.readAllBytes(file.real())))).append('\n');
            }
        }
        return text.toString();
    }

    /** Renders templates to files under the destination, counting them. */
    private static final class Renderer {
        private final SecureFreemarker engine;
        private final Path destination;
        private final Map<String, Object> common;
        private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

        private final Map<String, Long> times;

        private final Optional<PageReuse> reuse;
        /** The values of a product page's model that are the same object on every product page. */
        private static final java.util.Set<String> SHARED_BY_PRODUCT_PAGES = java.util.Set.of("standard", "product");
        /**
         * The values of a product's export that are hashed apart and remembered: its product is
         * the same object as its page's, whose digest is then made once for both.
         */
        private static final java.util.Set<String> SHARED_BY_PRODUCT_EXPORTS = java.util.Set.of("product");

        /** The inputs all pages share, as text (templates, common model), for {@link PageReuse}. */
        private final String shared;

        Renderer(SecureFreemarker engine, Path destination, Map<String, Object> common, Map<String, Long> times,
                 Optional<PageReuse> reuse, String shared) {
            this.reuse = reuse;
            this.shared = shared;
            this.times = times;
            this.engine = engine;
            this.destination = destination;
            this.common = common;
        }

        void page(String template, String path, String section, Map<String, Object> model) throws IOException, SiteException {
            TemplateModel templateModel = new TemplateModel();
            DocumentModel content = new DocumentModel();
            content.setRootPath(root(path));
            content.setUri(path);
            templateModel.setContent(content);
            render(template, path, section, model, templateModel);
        }

        /**
         * A page that depends only on its own model and the shared inputs: copied from the
         * published site when they are those of the last build ({@link PageReuse}), else rendered.
         * (The product pages, and the pages of the security matrix and of readiness.)
         */
        void reusablePage(String template, String path, String section, Map<String, Object> model)
                throws IOException, SiteException {
            reusable(template, path, section, model, SHARED_BY_PRODUCT_PAGES, () -> page(template, path, section, model));
        }

        /**
         * A file written by {@code writing} from {@code model} alone (and the tool): copied from
         * the published site when its model is the last build's, as {@link #reusablePage}. A
         * product's export runs to tens of kilobytes: writing thousands of them again when one
         * product changed was most of such a build's render (issue 15).
         */
        void reusableStream(String path, Map<String, Object> model, Exports.Writing writing)
                throws IOException, SiteException {
            reusable("export", path, "", model, SHARED_BY_PRODUCT_EXPORTS, () -> stream(path, writing));
        }

        private void reusable(String template, String path, String section, Map<String, Object> model,
                              java.util.Set<String> sharedNames, PageTask write) throws IOException, SiteException {
            long cpu = TIMING ? THREADS.getCurrentThreadCpuTime() : 0;
            Optional<byte[]> fingerprint = reuse.flatMap(pages -> pages.fingerprint(shared, template, path, section, model,
                    sharedNames));
            if (TIMING) {
                times.merge("fingerprints (CPU)", THREADS.getCurrentThreadCpuTime() - cpu, Long::sum);
            }
            if (fingerprint.isEmpty()) {
                write.run();
                return;
            }
            Path file = destination.resolve(path);
            Files.createDirectories(file.getParent());
            if (reuse.get().reuse(path, fingerprint.get(), file)) {
                count.incrementAndGet();
                return;
            }
            write.run();
            reuse.get().remember(path, fingerprint.get(), file);
        }

        void guide(DocumentModel guide, List<GuideLink> otherGuides) throws IOException, SiteException {
            guide.setRootPath(root(guide.getUri()));
            TemplateModel templateModel = new TemplateModel();
            templateModel.setContent(guide);
            render("guide.ftl", guide.getUri(), "guides", model("other_guides", otherGuides), templateModel);
        }

        private void render(String template, String path, String section, Map<String, Object> model,
                            TemplateModel templateModel)
                throws IOException, SiteException {
            long start = System.nanoTime();
            try {
                renderTimed(template, path, section, model, templateModel);
            } finally {
                if (TIMING) {
                    times.merge(template, System.nanoTime() - start, Long::sum);
                }
            }
        }

        private void renderTimed(String template, String path, String section, Map<String, Object> model,
                                 TemplateModel templateModel)
                throws IOException, SiteException {
            common.forEach((key, value) -> templateModel.put(key, adapt(value)));
            model.forEach((key, value) -> templateModel.put(key, adapt(value)));
            templateModel.put("root", root(path));
            templateModel.put("section", section);
            templateModel.put("path", path);
            // Straight to the file: the big pages run to tens of megabytes with thousands of products.
            Path file = newFile(path);
            // As Files.newBufferedWriter: an encoder that refuses unpaired surrogates (PageWriter).
            try (java.io.Writer html = new PageWriter(Files.newOutputStream(file))) {
                engine.render(template, templateModel, html, path);
            }
            count.incrementAndGet();
        }

        void stream(String path, Exports.Writing writing) throws IOException {
            Path file = newFile(path);
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
                writing.writeTo(out);
            }
            count.incrementAndGet();
        }

        void file(String path, String text) throws IOException {
            Files.writeString(newFile(path), text, StandardCharsets.UTF_8);
            count.incrementAndGet();
        }

        /**
         * Where a file of the site is written: its folder made, and a file already there removed
         * rather than written over, since a reused page is a link to the published site's file
         * ({@link PageReuse#reuse}): writing into it would change the published site.
         */
        private Path newFile(String path) throws IOException {
            Path file = destination.resolve(path);
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            return file;
        }



        /**
         * Our values reach FreeMarker already wrapped (page-model records as hashes of their
         * components, maps and lists as adapters): FreeMarker 2.3.0's defaults would copy every map
         * and list a template touches. (Measured
         * on 5,000 products, the gain is modest; most of the time is FreeMarker evaluating the big
         * pages, which are rendered in parallel.)
         */
        private static Object adapt(Object value) {
            return SecureFreemarker.wrap(value);
        }

        private static String root(String path) {
            return "../".repeat((int) path.chars().filter(c -> c == '/').count());
        }
    }

    /** A template's data model: names and values in pairs; a null value is missing in the template. */
    private static Map<String, Object> model(Object... namesAndValues) {
        Map<String, Object> model = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            model.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return model;
    }
}
