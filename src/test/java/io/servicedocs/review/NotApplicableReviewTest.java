package io.servicedocs.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.cli.CliAccess;
import java.time.LocalDate;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not-applicable answers in a pull request (the minimal repository: beta-svc in beta, tier-2, has
 * cost_elements; backup-restore asks level 1 of tier-2 in ga): the requirement list of a
 * promotion shows them as such, not as unmet, and the level changes show the new answer.
 */
class NotApplicableReviewTest {

    private static final String BETA = "products/beta-svc/";
    private static final String BACKUP_NOT_APPLICABLE = "  backup-restore:\n    not_applicable:\n"
            + "      reason: Stateless; it keeps no data of its own.";

    @TempDir
    Path dir;

    private GitFixture repo;

    @BeforeEach
    void mainBranch() throws Exception {
        repo = GitFixture.init(dir.resolve("repo"), TestRepositories.MINIMAL);
    }

    private CliAccess.Run review(String head) {
        return CliAccess.run("review", "--repo", repo.root().toString(), "--base", "main", "--head", head,
                "--as-of", "2026-11-24", "--format", "markdown");
    }

    private void promoteAnsweringBackupNotApplicable() throws Exception {
        repo.branch("promote");
        repo.write(BETA + "phase.yaml", "phase: ga\nsince: 2026-11-20\n");
        repo.replace(BETA + "assessment.yaml", "  backup-restore:\n    level: 0", BACKUP_NOT_APPLICABLE);
        repo.commit("Promote beta-svc to GA; backups do not apply", "Dee", LocalDate.of(2026, 11, 20));
    }

    @Test
    void anAcceptedAnswerIsListedAsNotApplicableNotAsUnmet() throws Exception {
        repo.commit("Initial", "Ann", LocalDate.of(2026, 10, 1));
        promoteAnsweringBackupNotApplicable();
        String md = review("promote").out();
        assertTrue(md.contains("**Beta service (`beta-svc`)** against ga: 1/2 requirements met"), md);
        assertTrue(md.contains("| Backup and restore (`backup-restore`) | 1 | – | ⊘ not applicable: Stateless; it keeps "
                + "no data of its own. |"), md);
        assertFalse(md.contains("| Backup and restore (`backup-restore`) | 1 | 0 | ❌ unmet"), md);
        assertTrue(md.contains("| Beta service (`beta-svc`) | Backup and restore (`backup-restore`) | 0 → not applicable |"),
                "a change of answer, neither up nor down: " + md);
    }

    @Test
    void anAnswerTheStandardsConditionContradictsIsUnmet() throws Exception {
        repo.replace("standards/quality-items.yaml", "    description: Data can be restored.\n",
                "    description: Data can be restored.\n    applies_if:\n      service_doc: cost_elements\n");
        repo.commit("Initial", "Ann", LocalDate.of(2026, 10, 1));
        promoteAnsweringBackupNotApplicable();
        CliAccess.Run run = review("promote");
        String md = run.out();
        assertEquals(1, run.status(), md);
        assertTrue(md.contains("**Beta service (`beta-svc`)** against ga: 1/3 requirements met"), md);
        assertTrue(md.contains("| Backup and restore (`backup-restore`) | 1 | 0 | ❌ unmet (answered not applicable, "
                + "but the standard says it applies) |"), md);
        assertTrue(md.contains("not-applicable-challenged"), "validation's error is in the comment: " + md);
    }
}
