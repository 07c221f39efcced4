package io.servicedocs.site;

import static io.servicedocs.site.Views.map;

import io.servicedocs.assess.Portfolio;
import io.servicedocs.assess.ProductReadiness;
import io.servicedocs.model.Repository;
import io.servicedocs.model.SiteConfig;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jbake.app.Asset;
import org.jbake.app.JBakeException;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.model.DocumentModel;
import org.jbake.parser.Engines;
import org.jbake.parser.ParserEngine;
import org.jbake.template.DelegatingTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

/**
 * Renders the site with JBake: the repository's FreeMarker templates (templates/), its AsciiDoc
 * guides (content/, converted in SECURE mode) and assets (assets/), plus the pages computed from
 * the assessed portfolio.
 *
 * <p>JBake's {@code Oven} is not used: it starts an OrientDB store on every bake and renders each
 * document after querying all documents of its type, which is quadratic. Every page here is
 * rendered once from an in-memory model through JBake's own template engine and markup engines.
 */
public final class SiteBuilder {

    private final Path repositoryRoot;

    public SiteBuilder(Path repositoryRoot) {
        this.repositoryRoot = repositoryRoot;
    }

    /** Renders the whole site into {@code destination}, an empty folder; returns the number of files written. */
    public int build(Repository repository, Portfolio portfolio, Path destination) throws IOException, SiteException {
        SecureAsciidoc.warmUp();
        SecureAsciidoctorEngine.register();
        for (String folder : List.of("templates", "content")) {
            if (!Files.isDirectory(repositoryRoot.resolve(folder))) {
                throw new SiteException("the repository has no " + folder + "/ folder; expected the site's "
                        + (folder.equals("templates") ? "FreeMarker templates" : "AsciiDoc pages") + " there");
            }
        }
        DefaultJBakeConfiguration config;
        try {
            config = new JBakeConfigurationFactory().createDefaultJbakeConfiguration(repositoryRoot.toFile(),
                    destination.toFile(), true);
        } catch (JBakeException e) {
            throw new SiteException("JBake configuration: " + e.getMessage(), e);
        }
        // Guides need no JBake header: every content page is a published page.
        config.setProperty("default.status", "published");
        config.setProperty("default.type", "page");
        SiteConfig site = repository.site();
        Map<String, String> messages = Messages.load(repositoryRoot.resolve("templates"), site.language());
        List<Map<String, Object>> productViews = new Views(portfolio, SecureAsciidoc::toHtml).products();
        SitePages pages = new SitePages(portfolio, productViews, SecureAsciidoc::toHtml);
        List<DocumentModel> guideDocs = guides(config);
        List<Map<String, Object>> guideLinks = new ArrayList<>();
        for (DocumentModel guide : guideDocs) {
            guideLinks.add(map("title", guide.getTitle(), "url", guide.getUri()));
        }
        Map<String, Object> common = map("site", map("title", site.title(), "language", site.language(),
                        "company", site.company().orElse(null), "base_url", site.baseUrl().orElse(null),
                        "generated_on", portfolio.asOf().toString(),
                        "standard_name", repository.standard().info().name(),
                        "standard_version", repository.standard().info().version()),
                "t", messages, "guides", guideLinks);
        Renderer renderer = new Renderer(new DelegatingTemplateEngine(null, config), destination, common);

        Map<String, Object> standard = pages.standard();
        renderer.page("index.ftl", "index.html", "matrix", map("matrix", pages.matrix()));
        // Product pages are independent: render them on every core (FreeMarker templates are thread-safe).
        renderer.inParallel(portfolio.products(), product -> renderer.page("product.ftl",
                "products/" + product.id() + ".html", "products",
                map("product", pages.product(product.id()), "standard", standard)));
        renderer.page("phases.ftl", "standard/phases.html", "standard", map("standard", standard));
        renderer.page("items.ftl", "standard/items.html", "standard", map("standard", standard));
        renderer.page("checklist.ftl", "standard/checklist.html", "standard", map("standard", standard));
        renderer.page("security.ftl", "security.html", "security", map("security_matrix", pages.securityMatrix()));
        renderer.page("readiness.ftl", "readiness.html", "readiness", map("readiness", pages.readiness()));
        renderer.page("teams.ftl", "teams.html", "teams", map("teams", pages.teams()));
        for (DocumentModel guide : guideDocs) {
            renderer.guide(guide);
        }
        renderer.file("api/products.json", Exports.productsJson(portfolio.asOf().toString(), productViews));
        renderer.file("api/matrix.csv", Exports.matrixCsv(portfolio));
        renderer.inParallel(portfolio.products(),
                product -> renderer.file("badges/" + product.id() + ".svg", Exports.badge(product)));
        Asset assets = new Asset(config);
        assets.copy();
        if (!assets.getErrors().isEmpty()) {
            throw new SiteException("copying assets/ failed: " + assets.getErrors().get(0).getMessage(), assets.getErrors().get(0));
        }
        return renderer.count.get();
    }

    /** The AsciiDoc pages of content/, parsed by JBake with the secure engine, sorted by file name. */
    private List<DocumentModel> guides(DefaultJBakeConfiguration config) throws IOException, SiteException {
        Path content = repositoryRoot.resolve("content");
        List<Path> files;
        try (Stream<Path> walk = Files.list(content)) {
            files = walk.filter(f -> f.getFileName().toString().endsWith(".adoc")).sorted().toList();
        }
        ParserEngine parser = Engines.get("adoc");
        List<DocumentModel> guides = new ArrayList<>();
        for (Path file : files) {
            DocumentModel doc = parser.parse(config, file.toFile());
            if (doc == null) {
                throw new SiteException("content/" + file.getFileName() + " could not be read as AsciiDoc");
            }
            String name = file.getFileName().toString().replaceAll("\\.adoc$", "");
            doc.setUri("guides/" + name + ".html");
            if (doc.getTitle() == null || doc.getTitle().isBlank()) {
                throw new SiteException("content/" + file.getFileName() + ":1: the page has no title; expected a first line "
                        + "'= Title'");
            }
            guides.add(doc);
        }
        return guides;
    }

    /** Renders templates to files under the destination, counting them. */
    private static final class Renderer {
        private final DelegatingTemplateEngine engine;
        private final Path destination;
        private final Map<String, Object> common;
        private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

        Renderer(DelegatingTemplateEngine engine, Path destination, Map<String, Object> common) {
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

        void guide(DocumentModel guide) throws IOException, SiteException {
            guide.setRootPath(root(guide.getUri()));
            TemplateModel templateModel = new TemplateModel();
            templateModel.setContent(guide);
            render("guide.ftl", guide.getUri(), "guides", map(), templateModel);
        }

        private void render(String template, String path, String section, Map<String, Object> model,
                            TemplateModel templateModel) throws IOException, SiteException {
            templateModel.putAll(common);
            templateModel.putAll(model);
            templateModel.put("root", root(path));
            templateModel.put("section", section);
            templateModel.put("path", path);
            StringWriter html = new StringWriter();
            try {
                engine.renderDocument(templateModel, template, html);
            } catch (RenderingException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                String message = String.valueOf(cause.getMessage());
                int tip = message.indexOf("\n\n----");
                throw new SiteException("templates/" + template + " failed for " + path + ": "
                        + (tip > 0 ? message.substring(0, tip) : message).trim(), e);
            }
            file(path, html.toString());
        }

        void file(String path, String text) throws IOException {
            Path file = destination.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            count.incrementAndGet();
        }

        interface PageTask<T> {
            void render(T element) throws IOException, SiteException;
        }

        /** Runs the task for every element on all cores; the first failure is rethrown as it was. */
        <T> void inParallel(List<T> elements, PageTask<T> task) throws IOException, SiteException {
            try {
                elements.parallelStream().forEach(element -> {
                    try {
                        task.render(element);
                    } catch (IOException | SiteException e) {
                        throw new Failure(e);
                    }
                });
            } catch (Failure failure) {
                if (failure.getCause() instanceof SiteException e) {
                    throw e;
                }
                throw (IOException) failure.getCause();
            }
        }

        private static final class Failure extends RuntimeException {
            Failure(Exception cause) {
                super(cause);
            }
        }

        private static String root(String path) {
            return "../".repeat((int) path.chars().filter(c -> c == '/').count());
        }
    }

}
