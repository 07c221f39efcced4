package io.servicedocs.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.asciidoctor.jruby.internal.JRubyAsciidoctor;
import org.jruby.RubyInstanceConfig;
import org.junit.jupiter.api.Test;

/**
 * JRuby starts for a short run (issue 15): its JIT and its native support are off, so that a
 * build does not compile Ruby methods into classes for C1 to compile again, nor load jnr-ffi;
 * RubyGems is not loaded, the bundled gems' folders are on the load path instead; and the
 * conversions still give the same HTML.
 */
class SecureAsciidocJRubyOptionsTest {

    @Test
    void theRuntimeInterpretsAndHasNoNativeSupport() {
        RubyInstanceConfig config = ((JRubyAsciidoctor) SecureAsciidoc.get()).getRubyRuntime().getInstanceConfig();
        // unless the JVM was started with -Djruby.compile.mode (none of the test JVMs are)
        assertEquals(RubyInstanceConfig.CompileMode.OFF, config.getCompileMode());
        assertFalse(config.isNativeEnabled());
    }

    @Test
    void rubyGemsIsNotLoadedAndAsciidoctorIsFoundOnTheLoadPath() {
        org.jruby.Ruby ruby = ((JRubyAsciidoctor) SecureAsciidoc.get()).getRubyRuntime();
        assertTrue(ruby.evalScriptlet("defined?(::Gem).nil?").isTrue(), "RubyGems was loaded");
        List<String> paths = BundledGems.loadPaths();
        assertEquals(1, paths.size(), paths.toString());
        assertTrue(paths.get(0).matches("uri:classloader:/gems/asciidoctor-[0-9.]+/lib"), paths.toString());
        assertEquals(paths.get(0) + "/asciidoctor.rb",
                ruby.evalScriptlet("$LOADED_FEATURES.grep(%r{/asciidoctor\\.rb$}).first").asJavaString());
    }

    /**
     * A document cannot ask for a source highlighter in SECURE mode (the bundled ones, Rouge
     * among them, would need RubyGems): its source blocks convert as plain listings, as before.
     */
    @Test
    void aDocumentAskingForAHighlighterGetsAPlainListing() {
        assertEquals("<div class=\"listingblock\">\n<div class=\"content\">\n<pre class=\"highlight\" tabindex=\"0\"><code "
                        + "class=\"language-ruby\">puts 'hi'</code></pre>\n</div>\n</div>",
                SecureAsciidoc.toHtml(":source-highlighter: rouge\n\n[source,ruby]\n----\nputs 'hi'\n----\n"));
    }

    @Test
    void aConversionIsTheSameWithoutTheJit() {
        assertEquals("<div class=\"paragraph\">\n<p>Serves <strong>customers</strong> with <code>api</code>.</p>\n</div>",
                SecureAsciidoc.toHtml("Serves *customers* with `api`."));
    }
}
