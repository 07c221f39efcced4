package io.servicedocs.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.servicedocs.cache.CacheFolder;
import io.servicedocs.cache.ToolIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertedAsciidocTest {

    private static final ToolIdentity TOOL = ToolIdentity.of("1.0", "code".getBytes(StandardCharsets.UTF_8),
            "schemas".getBytes(StandardCharsets.UTF_8));
    private static final byte[] SECRET = "a secret of 32 bytes, or so.....".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path repository;

    private ConvertedAsciidoc build() {
        return ConvertedAsciidoc.in(CacheFolder.open(repository, TOOL, SECRET).orElseThrow());
    }

    @Test
    void aTextOfTheLastBuildIsNotConvertedAgain() {
        ConvertedAsciidoc first = build();
        assertFalse(first.lastBuildKnown());
        assertEquals("<p>one</p>", first.converted("body", "one", () -> "<p>one</p>"));
        assertEquals("<p>one</p>", first.converted("body", "one", () -> fail("converted twice in one build")));
        first.save();

        ConvertedAsciidoc second = build();
        assertTrue(second.lastBuildKnown());
        assertEquals("<p>one</p>", second.converted("body", "one", () -> fail("converted again")));
        // a new text, and the same text as another kind, are converted
        assertEquals("<p>two</p>", second.converted("body", "two", () -> "<p>two</p>"));
        assertEquals("<h1>one</h1>", second.converted("other", "one", () -> "<h1>one</h1>"));
        second.save();

        // the pack holds the texts of the last build only: "one" as a body is still there, as it was used
        ConvertedAsciidoc third = build();
        assertEquals("<p>two</p>", third.converted("body", "two", () -> fail("converted again")));
        assertEquals("<p>one</p>", third.converted("body", "one", () -> fail("converted again")));
    }

    @Test
    void aFieldIsSanitisedEvenWhenKnown() {
        ConvertedAsciidoc first = build();
        // what Asciidoctor gave is kept as it was; the sanitiser cleans it on every use
        first.converted("body", "x", () -> "<p>x</p><script>alert(1)</script>");
        first.save();
        String html = build().field("products/a/service-doc.yaml", "/description", "x");
        assertEquals("<p>x</p>", html);
    }

    @Test
    void aTextNamingAClockAttributeIsConvertedEveryTime() {
        AtomicInteger conversions = new AtomicInteger();
        for (int build = 0; build < 2; build++) {
            ConvertedAsciidoc conversionsOfBuild = build();
            conversionsOfBuild.converted("body", "Printed on {localdate}.", () -> "<p>" + conversions.incrementAndGet() + "</p>");
            conversionsOfBuild.save();
        }
        assertEquals(2, conversions.get());
    }

    @Test
    void withoutCacheEveryTextIsConverted() {
        ConvertedAsciidoc none = ConvertedAsciidoc.none();
        assertFalse(none.lastBuildKnown());
        AtomicInteger conversions = new AtomicInteger();
        none.converted("body", "one", () -> "" + conversions.incrementAndGet());
        none.converted("body", "one", () -> "" + conversions.incrementAndGet());
        assertEquals(2, conversions.get());
    }

    @Test
    void aHeaderIsKeptWithItsTitleAndAttributesInOrder() {
        ConvertedAsciidoc.Header header = new ConvertedAsciidoc.Header(Optional.of("Costs: 12:3 é"),
                List.of(Map.entry("jbake-tags", "a,b"), Map.entry("revdate", "2026-11-24"), Map.entry("jbake-x", "")));
        ConvertedAsciidoc first = build();
        assertEquals(header, first.header("= Costs\n:jbake-tags: a,b\n", () -> header));
        first.save();
        assertEquals(header, build().header("= Costs\n:jbake-tags: a,b\n", () -> fail("read again")));

        ConvertedAsciidoc.Header untitled = new ConvertedAsciidoc.Header(Optional.empty(), List.of());
        assertEquals(untitled, ConvertedAsciidoc.Header.decoded(untitled.encoded()));
    }

    @Test
    void aHeaderWithAnAttributeThatIsNotTextIsReadEveryTime() {
        ConvertedAsciidoc.Header header = new ConvertedAsciidoc.Header(Optional.of("T"), List.of(Map.entry("jbake-n", 3L)));
        AtomicInteger reads = new AtomicInteger();
        for (int build = 0; build < 2; build++) {
            ConvertedAsciidoc conversions = build();
            conversions.header("= T\n:jbake-n: 3\n", () -> {
                reads.incrementAndGet();
                return header;
            });
            conversions.save();
        }
        assertEquals(2, reads.get());
    }
}
