package io.servicedocs.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Repository text in markdown: shown as itself, starting no block, markup, link or mention. */
class MarkdownTextTest {

    private static final String WJ = "\u2060";

    @Test
    void lineBreaksCannotStartABlock() {
        assertEquals("reason #" + WJ + " Heading  \\| a \\| b \\|  \\`\\`\\`",
                MarkdownText.text("reason\n# Heading\r\n| a | b |\n\n```"));
        assertEquals("x \\<details\\>", MarkdownText.text("x\u2028<details>"));
        assertEquals("\\#" + WJ + " title", MarkdownText.text("   # title"), "leading blanks go, the first # is escaped");
        assertEquals("\\- item", MarkdownText.text("- item"));
        assertEquals("\\> quote", MarkdownText.text("> quote"));
        assertEquals("12\\. June", MarkdownText.text("12. June"), "no ordered list");
        assertEquals("3\\) x", MarkdownText.text("3) x"));
        assertEquals("2026-12-01. Done.", MarkdownText.text("2026-12-01. Done."), "ordinary text stays readable");
        assertEquals("abc", MarkdownText.text("a\u202Eb\u2066c"), "bidirectional overrides go");
    }

    @Test
    void inlineMarkupIsEscaped() {
        assertEquals("\\!\\[i\\](x) \\[l\\](y) \\<img\\> \\&amp; \\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\$m\\$ \\\\",
                MarkdownText.text("![i](x) [l](y) <img> &amp; *a* _b_ ~~c~~ $m$ \\"));
    }

    @Test
    void mentionsReferencesAndBareLinksAreBroken() {
        assertEquals("\\@" + WJ + "user @" + WJ + "org/team #" + WJ + "12 o/r#" + WJ + "3 GH-" + WJ + "4 gh-" + WJ + "5",
                MarkdownText.text("@user @org/team #12 o/r#3 GH-4 gh-5"));
        assertEquals("see https:" + WJ + "//x.example and www" + WJ + ".x.example, a@" + WJ + "x.example",
                MarkdownText.text("see https://x.example and www.x.example, a@x.example"));
    }

    @Test
    void codeSpansOnlyForWhatCannotEndThem() {
        assertEquals("`data-api`", MarkdownText.code("data-api"));
        assertEquals("`<img> @user`", MarkdownText.code("<img> @user"), "nothing is active in a code span");
        assertEquals("a\\`b", MarkdownText.code("a`b"));
        assertEquals("a \\| b", MarkdownText.code("a | b"));
        assertEquals("a b", MarkdownText.code("a\nb"));
        assertEquals("", MarkdownText.code(""));
    }

    @Test
    void htmlGetsEntities() {
        assertEquals("&lt;/summary&gt;&lt;img src=&quot;x&quot;&gt; &amp; @" + WJ + "u &#39;",
                MarkdownText.html("</summary><img src=\"x\"> & @u '"));
    }
}
