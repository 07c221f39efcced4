package io.servicedocs.security;

import static io.servicedocs.security.AttackRepository.assertNoSecretIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cli.CliAccess;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review's markdown (the pull-request comment) shows repository text as text: a waiver
 * reason and a product's values full of markup add no image, link, HTML, hidden comment,
 * heading, table cell, mention or issue reference.
 */
class ReviewMarkupSecurityTest {

    /** U+2060 WORD JOINER, which servicedocs puts after @, # and the : of :// */
    private static final String WJ = "\u2060";

    private static final String MARKUP = "<img src=x onerror=alert(1)> ![i](https://evil.example/p.png)"
            + " [click](https://evil.example) <!-- hidden --> <details><summary>open</summary> @octocat"
            + " @hoshimi/review-board #123 hoshimi/app#7 GH-12 https://evil.example/x www.evil.example mail@evil.example"
            + " a | b `code` ``` $x^2$ **bold** &#64;me &lt;b&gt;";

    @TempDir
    java.nio.file.Path dir;

    @Test
    void aWaiverReasonAndProductValuesFullOfMarkupAreShownAsText() throws Exception {
        try (AttackRepository attack = AttackRepository.create(dir)) {
            String assessment = java.nio.file.Files.readString(attack.root().resolve("products/data-api/assessment.yaml"));
            attack.write("products/data-api/assessment.yaml", assessment + "\nwaivers:\n  - item: load-testing\n"
                    + "    phase: beta\n    reason: '" + MARKUP + "'\n    approved_by: '@hoshimi/review-board'\n"
                    + "    expires: 2027-06-30\n");
            attack.replace("products/data-api/service-doc.yaml", "name: Hoshimi Data API", "name: '" + MARKUP + "'");
            CliAccess.Run review = attack.review();
            assertNoSecretIn(review);
            assertEquals(0, review.status(), review.out() + review.err());
            String md = review.out();
            String escaped = "\\<img src=x onerror=alert(1)\\> !\\[i\\](https:" + WJ + "//evil.example/p.png)"
                    + " \\[click\\](https:" + WJ + "//evil.example) \\<!-- hidden --\\> \\<details\\>\\<summary\\>open\\</summary\\>"
                    + " @" + WJ + "octocat @" + WJ + "hoshimi/review-board #" + WJ + "123 hoshimi/app#" + WJ + "7 GH-" + WJ + "12"
                    + " https:" + WJ + "//evil.example/x www" + WJ + ".evil.example mail@" + WJ + "evil.example"
                    + " a \\| b \\`code\\` \\`\\`\\` \\$x^2\\$ \\*\\*bold\\*\\* \\&#" + WJ + "64;me \\&lt;b\\&gt;";
            // the product's name beside its id is escaped alike
            assertTrue(md.contains("| " + escaped + " (`data-api`) | added | Load testing (`load-testing`) in beta | 2027-06-30 | "
                    + escaped + " |\n"), md);
            assertNothingActive(md);

            // a value quoted in a validation message
            attack.replace("products/smart-agri/phase.yaml", "\nphase: ", "\nphase: '#1 @octocat <b>x</b> [a](b)' #");
            CliAccess.Run invalid = attack.review();
            assertNoSecretIn(invalid);
            assertEquals(1, invalid.status(), "the invalid phase blocks: " + invalid.err());
            assertTrue(invalid.out().contains("- ❌ `products/smart-agri/phase.yaml:6:8` \\'#" + WJ + "1 @" + WJ
                    + "octocat \\<b\\>x\\</b\\> \\[a\\](b)' is not valid here;"), invalid.out());
            assertNothingActive(invalid.out());
        }
    }

    /**
     * The example site is English; a pull request that puts a passthrough (raw HTML) in the
     * Japanese text of a phase's description, or an item's Japanese description over its size,
     * is refused now, by validate and the review, not later by {@code build --language ja}.
     */
    @Test
    void aPassthroughOrAnOverlongFieldInATranslationNotShownIsRefusedByValidateAndReview() throws Exception {
        try (AttackRepository attack = AttackRepository.create(dir)) {
            String phases = "standards/phases.yaml";
            String items = "standards/quality-items.yaml";
            attack.replace(phases, "        社内限定。", "        社内限定。pass:[<script>alert(1)</script>]");
            attack.replace(items, "        プロダクトマネージャーと合意し、顧客の視点で計測し、機能開発と信頼性向上のどちらを優先するかの"
                    + "判断に使う可用性の目標。\n", "        " + "長".repeat(6000) + "\n");
            String passthrough = lineOf(attack, phases, "pass:[<script>") - 1 + ":11";
            String overlong = lineOf(attack, items, "長長長") - 1 + ":11";

            CliAccess.Run validated = attack.validate();
            assertNoSecretIn(validated);
            assertEquals(1, validated.status(), validated.out() + validated.err());
            String root = attack.root() + "/"; // validate --repo names files under the folder given
            assertEquals(List.of(
                    root + phases + ":" + passthrough + ": error: AsciiDoc passthrough 'pass:[' would copy raw HTML into the "
                            + "site; expected plain AsciiDoc (write the content with AsciiDoc markup instead) "
                            + "[asciidoc-passthrough]",
                    root + items + ":" + overlong + ": error: AsciiDoc field is 18000 bytes long; expected at most "
                            + "16384 bytes (16 KiB of UTF-8): put long text in a page under content/ and link to it "
                            + "[asciidoc-too-long]"),
                    validated.out().lines().filter(line -> line.contains("[asciidoc-")).toList());

            CliAccess.Run review = attack.review();
            assertNoSecretIn(review);
            assertEquals(1, review.status(), "an error in a changed file blocks: " + review.out() + review.err());
            assertTrue(review.out().contains("- ❌ `" + phases + ":" + passthrough + "` AsciiDoc passthrough"), review.out());
            assertTrue(review.out().contains("- ❌ `" + items + ":" + overlong + "` AsciiDoc field is"), review.out());
            assertNothingActive(review.out());
        }
    }

    private static int lineOf(AttackRepository attack, String path, String text) throws java.io.IOException {
        String file = java.nio.file.Files.readString(attack.root().resolve(path));
        return 1 + (int) file.substring(0, file.indexOf(text)).chars().filter(c -> c == '\n').count();
    }

    private static void assertNothingActive(String md) {
        // our own markup: the marker, and the sections' <details> lines (their summaries hold no repository text)
        String withoutOurs = md.replace("<!-- servicedocs-review -->\n", "")
                .replaceAll("(?m)^<details( open)?><summary>[A-Za-z ]+( \\(\\d+\\))?</summary>$", "")
                .replaceAll("(?m)^</details>$", "");
        for (String active : List.of("<img", "<details", "<summary", "<!--", "<b>", "[i]", "[click]", "[a]", "@octocat",
                "@hoshimi", "#123", "#1 ", "#7", "GH-12", "https://", "www.evil", "mail@evil", "```", "**bold", "$x", "&#64;",
                "&lt;")) {
            assertEquals(List.of(), withoutOurs.lines().filter(line -> isActive(line, active)).toList(), active);
        }
        assertFalse(md.lines().anyMatch(line -> line.startsWith("#") && !line.startsWith("## servicedocs review")
                && !line.startsWith("### ")), "no heading of the attacker's: " + md);
    }

    /** Whether {@code token} appears in {@code line} without the escape or joiner that disarms it. */
    private static boolean isActive(String line, String token) {
        int at = line.indexOf(token);
        while (at >= 0) {
            boolean escaped = at > 0 && line.charAt(at - 1) == '\\';
            if (!escaped) {
                return true;
            }
            at = line.indexOf(token, at + 1);
        }
        return false;
    }
}
