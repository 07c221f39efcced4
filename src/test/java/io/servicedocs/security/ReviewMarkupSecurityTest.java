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
