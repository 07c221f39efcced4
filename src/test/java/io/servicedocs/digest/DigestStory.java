package io.servicedocs.digest;

import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * A scripted main branch for the digest's tests, on the minimal repository with a site address.
 * The week of the digest is 2026-11-23 (included) to 2026-11-30 (excluded):
 * <ul>
 * <li>2026-09-01 Initial: alpha (ga, tier-1: backup-restore 1 of 2, waived in ga until
 * 2026-12-20, planned 2 by 2026-11-27), beta-svc (beta, tier-2: slo 1, backup-restore 0 planned 1
 * by 2026-12-10), gamma (poc, assessed 2026-03-01: stale from 2026-09-02 under P6M);</li>
 * <li>2026-11-10 gamma poc -&gt; beta (before the week);</li>
 * <li>2026-11-24 delta added in poc (a new product);</li>
 * <li>2026-11-25 beta-svc beta -&gt; ga (a promotion in the week): in ga it misses backup-restore
 * 0/1 (tier-2), a new gap, and slo 1/2;</li>
 * <li>2026-11-26 beta-svc slo 1 -&gt; 2 (an improvement; the slo gap closes again).</li>
 * </ul>
 */
public final class DigestStory {

    public static final String SITE = "https://docs.example.com/readiness/";

    private DigestStory() {
    }

    public static GitFixture write(Path folder) throws IOException, GitAPIException {
        Path template = TestRepositories.minimalCopy(folder.resolveSibling(folder.getFileName() + "-template"));
        GitFixture repo = GitFixture.init(folder, template);
        repo.write("site.yaml", "title: Test readiness\nlanguage: en\nbase_url: https://docs.example.com/readiness\n");
        repo.replace("products/alpha/assessment.yaml", "due: 2027-03-31", "due: 2026-11-27");
        repo.replace("products/alpha/assessment.yaml", "expires: 2027-04-30", "expires: 2026-12-20");
        repo.replace("products/beta-svc/assessment.yaml", "  backup-restore:\n    level: 0\n",
                "  backup-restore:\n    level: 0\n    plan:\n      target_level: 1\n      due: 2026-12-10\n");
        copyProduct(repo, "gamma", "Gamma", "poc", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 3, 1));
        repo.commit("Initial", "Ann", LocalDate.of(2026, 9, 1));

        repo.write("products/gamma/phase.yaml", "phase: beta\nsince: 2026-11-10\n");
        repo.commit("gamma: beta", "Bob", LocalDate.of(2026, 11, 10));

        copyProduct(repo, "delta", "Delta", "poc", LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 20));
        repo.commit("delta: a new product", "Cid", LocalDate.of(2026, 11, 24));

        repo.write("products/beta-svc/phase.yaml", "phase: ga\nsince: 2026-11-25\n");
        repo.commit("beta-svc: ga", "Dee", LocalDate.of(2026, 11, 25));

        repo.replace("products/beta-svc/assessment.yaml", "slo:\n    level: 1", "slo:\n    level: 2");
        repo.commit("beta-svc: the SLO is measured", "Dee", LocalDate.of(2026, 11, 26));
        return repo;
    }

    /** A product like beta-svc (tier-2, slo 1, mfa yes) under another id, name and phase. */
    private static void copyProduct(GitFixture repo, String id, String name, String phase, LocalDate since,
                                    LocalDate assessedOn) throws IOException {
        copyProduct(repo, id, name, "phase: " + phase + "\nsince: " + since + "\n", assessedOn,
                id.equals("gamma") ? "333333333333" : "444444444444");
    }

    /** As above, with phase.yaml given whole (e.g. with a declared history) and its own cloud account. */
    public static void copyProduct(GitFixture repo, String id, String name, String phaseYaml, LocalDate assessedOn,
                                   String account) throws IOException {
        Path from = repo.root().resolve("products/beta-svc");
        Path to = Files.createDirectories(repo.root().resolve("products/" + id));
        Files.writeString(to.resolve("service-doc.yaml"), Files.readString(from.resolve("service-doc.yaml"))
                .replace("id: beta-svc", "id: " + id).replace("name: Beta service", "name: " + name)
                .replace("/beta-svc", "/" + id).replace("222222222222", account));
        Files.copy(from.resolve("finance.yaml"), to.resolve("finance.yaml"));
        Files.copy(from.resolve("security.yaml"), to.resolve("security.yaml"));
        Files.writeString(to.resolve("phase.yaml"), phaseYaml);
        Files.writeString(to.resolve("assessment.yaml"), "assessed_on: " + assessedOn + "\nassessed_by: Dee\nitems:\n"
                + "  slo:\n    level: 1\n  backup-restore:\n    level: 0\n");
    }
}
