package io.servicedocs.site.render;

import io.servicedocs.validate.AsciidocSize;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asciidoctor.ast.Document;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.parser.Engines;
import org.jbake.parser.MarkupEngine;
import org.jbake.parser.ParserContext;

/**
 * JBake's markup engine for AsciiDoc, replaced: the stock AsciidoctorEngine forces safe mode
 * UNSAFE whatever the configuration says, so an {@code include::../../etc/passwd[]} in a pull
 * request would land on the site. This one converts in SECURE mode with the shared instance,
 * within the time budget of one document (SecureAsciidoc). Header handling follows the stock
 * engine: jbake-* attributes, revdate, the document title.
 */
public final class SecureAsciidoctorEngine extends MarkupEngine {

    /**
     * Makes JBake use this engine for AsciiDoc files. Done in code, after JBake's own
     * registration: a META-INF registration would depend on the classpath order.
     */
    public static void register() {
        SecureAsciidoctorEngine engine = new SecureAsciidoctorEngine();
        for (String extension : List.of("ad", "adoc", "asciidoc")) {
            Engines.register(extension, engine);
        }
    }

    /** Refuses a page of content/ over {@link AsciidocSize#MAX_PAGE_BYTES}, before anything reads it. */
    static void refuseTooLong(Path page) throws IOException, SiteException {
        Optional<String> tooLong = AsciidocSize.pageTooLong(Files.size(page));
        if (tooLong.isPresent()) {
            throw new SiteException("content/" + page.getFileName() + ": " + tooLong.get());
        }
    }

    /** The budget of the page being parsed: its header and body share it. */
    private static final ThreadLocal<SecureAsciidoc.Budget> BUDGET = new ThreadLocal<>();

    /**
     * Parses a page of content/ within the time budget of one document (header and body together);
     * a page over it throws {@link AsciidocTimeoutException} placed at the page's file.
     */
    @Override
    public DocumentModel parse(JBakeConfiguration config, File file) {
        String place = "content/" + file.getName();
        try {
            place = "content/" + config.getContentFolder().toPath().relativize(file.toPath()).toString().replace('\\', '/');
        } catch (RuntimeException e) {
            // a file outside the content folder keeps the short name
        }
        BUDGET.set(SecureAsciidoc.Budget.start());
        try {
            return AsciidocTimeoutException.converting(place, null, () -> super.parse(config, file));
        } finally {
            BUDGET.remove();
        }
    }

    private static SecureAsciidoc.Budget budget() {
        SecureAsciidoc.Budget budget = BUDGET.get();
        return budget != null ? budget : SecureAsciidoc.Budget.start();
    }

    /**
     * The conversions of the build whose content pages this thread parses (a build sets them
     * around its pages: {@link #parseWith}); none outside a build.
     */
    private static final ThreadLocal<ConvertedAsciidoc> CONVERSIONS = new ThreadLocal<>();

    /** Parses a page with JBake's parser, the build's known conversions at hand. */
    static DocumentModel parseWith(ConvertedAsciidoc conversions, java.util.function.Supplier<DocumentModel> parse) {
        CONVERSIONS.set(conversions);
        try {
            return parse.get();
        } finally {
            CONVERSIONS.remove();
        }
    }

    private static ConvertedAsciidoc conversions() {
        ConvertedAsciidoc known = CONVERSIONS.get();
        return known != null ? known : ConvertedAsciidoc.none();
    }

    @Override
    public void processHeader(ParserContext context) {
        String text = String.join("\n", context.getFileLines());
        // What the header gives, copied out of Ruby on the worker (the title's substitutions run
        // there too): only the title and the attributes read below.
        ConvertedAsciidoc.Header header = conversions().header(text, () -> SecureAsciidoc.withinBudget(budget(), asciidoctor -> {
            Document doc = asciidoctor.load(text, SecureAsciidoc.options().parseHeaderOnly(true).build());
            java.util.List<Map.Entry<String, Object>> used = new java.util.ArrayList<>();
            new LinkedHashMap<>(doc.getAttributes()).forEach((key, value) -> {
                if (key.startsWith("jbake-") || key.equals("revdate")) {
                    used.add(new java.util.AbstractMap.SimpleImmutableEntry<>(key, value));
                }
            });
            return new ConvertedAsciidoc.Header(Optional.ofNullable(doc.getDoctitle()), used);
        }));
        DocumentModel model = context.getDocumentModel();
        if (header.title().isPresent()) {
            model.setTitle(header.title().get());
        }
        for (Map.Entry<String, Object> attribute : header.attributes()) {
            String key = attribute.getKey();
            Object value = attribute.getValue();
            if (key.startsWith("jbake-")) {
                String name = key.substring("jbake-".length());
                if (name.equals("tags") && value instanceof String tags) {
                    context.setTags(tags.split(","));
                } else if (name.equals("date") && value instanceof String date) {
                    parseDate(context, date);
                } else {
                    model.put(name, value);
                }
            } else if (key.equals("revdate") && value instanceof String date) {
                parseDate(context, date);
            }
        }
    }

    @Override
    public void processBody(ParserContext context) {
        if (!context.hasHeader()) {
            context.setBody(String.join("\n", context.getFileLines()) + "\n");
        }
        String body = context.getBody();
        String html = conversions().converted("body", body, () -> SecureAsciidoc.withinBudget(budget(),
                asciidoctor -> asciidoctor.convert(body, SecureAsciidoc.options().build())));
        context.setBody(HtmlSanitizer.clean(html));
    }

    private static void parseDate(ParserContext context, String value) {
        try {
            context.setDate(new SimpleDateFormat(context.getConfig().getDateFormat()).parse(value));
        } catch (ParseException e) {
            // JBake keeps the file's date, as the stock engine does
        }
    }
}
