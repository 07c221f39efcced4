package io.servicedocs.site;

import java.util.concurrent.CompletableFuture;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.OptionsBuilder;
import org.asciidoctor.SafeMode;

/**
 * The one Asciidoctor of the JVM, always in SECURE mode: AsciiDoc that arrives in a pull request
 * (content/ pages, description fields) cannot include any file of the build machine. Starting
 * JRuby takes about a second, so it starts on another thread as soon as a build begins.
 */
public final class SecureAsciidoc {

    private static CompletableFuture<Asciidoctor> engine;

    private SecureAsciidoc() {
    }

    /** Starts Asciidoctor in the background, once per JVM. */
    public static synchronized CompletableFuture<Asciidoctor> warmUp() {
        if (engine == null) {
            engine = CompletableFuture.supplyAsync(() -> {
                Asciidoctor asciidoctor = Asciidoctor.Factory.create();
                asciidoctor.convert("warm *up*", options().build());
                return asciidoctor;
            });
        }
        return engine;
    }

    static Asciidoctor get() {
        return warmUp().join();
    }

    /** Options every conversion shares: SECURE (no includes, no file access), no ids prefix. */
    static OptionsBuilder options() {
        return Options.builder().safe(SafeMode.SECURE)
                .attributes(Attributes.builder().attribute("idprefix", "").attribute("showtitle", false).build());
    }

    /** Converts an AsciiDoc field of a Service Doc or of the standard to an HTML fragment. */
    public static String toHtml(String asciidoc) {
        return HtmlSanitizer.clean(get().convert(asciidoc, options().build()));
    }
}
