package io.servicedocs.site;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.Map;
import org.asciidoctor.ast.Document;
import org.jbake.model.DocumentModel;
import org.jbake.parser.Engines;
import org.jbake.parser.MarkupEngine;
import org.jbake.parser.ParserContext;

/**
 * JBake's markup engine for AsciiDoc, replaced: the stock AsciidoctorEngine forces safe mode
 * UNSAFE whatever the configuration says, so an {@code include::../../etc/passwd[]} in a pull
 * request would land on the site. This one converts in SECURE mode with the shared instance.
 * Header handling follows the stock engine: jbake-* attributes, revdate, the document title.
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

    @Override
    public void processHeader(ParserContext context) {
        Document doc = SecureAsciidoc.get().load(String.join("\n", context.getFileLines()),
                SecureAsciidoc.options().parseHeaderOnly(true).build());
        DocumentModel model = context.getDocumentModel();
        if (doc.getDoctitle() != null) {
            model.setTitle(doc.getDoctitle());
        }
        for (Map.Entry<String, Object> attribute : doc.getAttributes().entrySet()) {
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
        context.setBody(HtmlSanitizer.clean(SecureAsciidoc.get().convert(context.getBody(), SecureAsciidoc.options().build())));
    }

    private static void parseDate(ParserContext context, String value) {
        try {
            context.setDate(new SimpleDateFormat(context.getConfig().getDateFormat()).parse(value));
        } catch (ParseException e) {
            // JBake keeps the file's date, as the stock engine does
        }
    }
}
