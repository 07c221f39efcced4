package io.servicedocs.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.asciidoctor.jruby.internal.JRubyAsciidoctor;
import org.jruby.RubyInstanceConfig;
import org.junit.jupiter.api.Test;

/**
 * JRuby starts for a short run (issue 15): its JIT and its native support are off, so that a
 * build does not compile Ruby methods into classes for C1 to compile again, nor load jnr-ffi;
 * and the conversions still give the same HTML.
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
    void aConversionIsTheSameWithoutTheJit() {
        assertEquals("<div class=\"paragraph\">\n<p>Serves <strong>customers</strong> with <code>api</code>.</p>\n</div>",
                SecureAsciidoc.toHtml("Serves *customers* with `api`."));
    }
}
