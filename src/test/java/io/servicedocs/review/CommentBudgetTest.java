package io.servicedocs.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.GitFixture;
import io.servicedocs.pipeline.ReviewPipeline;
import io.servicedocs.pipeline.StageTimer;
import io.servicedocs.source.WorkingTreeSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request that adds 40 products (each entering in ga, so each is judged against it) gives a
 * long review: the comment stays within its budget, keeps the verdict and the summary table, and
 * counts what it left out; with room enough, nothing is left out.
 */
class CommentBudgetTest {

    private static final int PRODUCTS = 40;

    @TempDir
    Path dir;

    private ReviewReport bigReview() throws Exception {
        GitFixture repo = GitFixture.minimalOnMain(dir);
        repo.branch("many");
        Path alpha = repo.root().resolve("products/alpha");
        for (int n = 1; n <= PRODUCTS; n++) {
            String id = "product-number-" + n;
            try (var files = Files.list(alpha)) {
                for (Path file : files.toList()) {
                    String content = Files.readString(file);
                    String name = file.getFileName().toString();
                    // with evidence, so that the phase changes make the length, not one finding per level
                    repo.write("products/" + id + "/" + name, name.equals("service-doc.yaml")
                            ? content.replace("id: alpha", "id: " + id)
                            : name.equals("assessment.yaml") ? content.replaceAll("(?m)^    level: (\\d)$",
                            "    level: $1\n    evidence:\n      - title: Dashboard\n        url: https://grafana.example.com/d/x")
                            : content);
                }
            }
        }
        repo.commit("Forty products", "Bo", LocalDate.of(2026, 11, 20));
        ReviewPipeline.Result result = new ReviewPipeline(new StageTimer(false, new PrintWriter(new StringWriter())))
                .run(new WorkingTreeSource(repo.root()), "main", Optional.of("many"), LocalDate.of(2026, 11, 24));
        return result.report();
    }

    @Test
    void aLongReviewStaysWithinItsBudgetAndSaysWhatItLeftOut() throws Exception {
        ReviewReport report = bigReview();
        assertEquals(PRODUCTS, report.productsAdded().size(), report.productsAdded().toString());
        String full = ReportFormats.markdown(report);
        assertTrue(full.length() < MarkdownComment.BUDGET, "fits the default budget: " + full.length());
        assertFalse(full.contains("Left out"), full);
        assertTrue(full.contains("- added: Alpha (`product-number-40`)"), full);

        int budget = 4_000;
        assertTrue(full.length() > 2 * budget, "the test needs a review longer than the small budget: " + full.length());
        String cut = ReportFormats.markdown(report, budget);
        assertTrue(cut.length() <= budget, cut.length() + "\n" + cut);
        assertTrue(cut.startsWith(ReportFormats.COMMENT_MARKER + "\n## servicedocs review: `main ("), cut);
        assertTrue(cut.contains("\n\n**❌ Blocked:** 40 validation error(s) in files this pull request changes.\n\n| Review | |\n"), "the verdict, then the summary: " + cut);
        assertTrue(cut.contains("| Products changed | " + PRODUCTS + " |"), cut);
        assertTrue(cut.contains("<details open><summary>Phase changes (" + PRODUCTS + ")</summary>"), cut);
        assertTrue(cut.contains("**✂️ Left out to stay within GitHub's comment limit:** "), cut);
        assertTrue(cut.contains(PRODUCTS + " products added or removed"), cut);
        assertTrue(cut.contains("The full report, never cut: `review.json` in this run's `pr-review` artifact, or "
                + "`servicedocs review --base REF --format json`."), cut);
        // never half a row or block: every line of a table is whole, and every <details> is closed
        assertEquals(count(cut, "<details"), count(cut, "</details>"), cut);
        assertTrue(cut.lines().filter(line -> line.startsWith("|")).allMatch(line -> line.endsWith("|")), cut);
        // what was shown plus what was counted as left out is every phase change
        long rows = cut.lines().filter(line -> line.startsWith("| Alpha (`product-number-")).count();
        assertTrue(rows > 0 && rows < PRODUCTS, rows + "\n" + cut);
        assertTrue(cut.contains((PRODUCTS - rows) + " phase changes"), rows + "\n" + cut);
    }

    private static int count(String text, String token) {
        return text.split(java.util.regex.Pattern.quote(token), -1).length - 1;
    }
}
