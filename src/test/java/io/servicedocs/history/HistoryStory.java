package io.servicedocs.history;

import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * A scripted history of the minimal repository, whose figures the tests check by hand:
 * <pre>
 * C1 2025-04-10 Ann   alpha in poc (slo 0, backup-restore 0); beta-svc in beta (slo 1)
 * C2 2025-06-01 Bob   alpha slo 0 -> 1
 * C3 2025-08-01 Bob   alpha poc -> beta; gamma added in poc
 * C4 2025-11-15 Carol alpha backup-restore 0 -> 1; beta-svc slo 1 -> 2
 * C5 2026-01-20 Ann   alpha/phase.yaml broken (invalid YAML): skipped
 * C6 2026-02-01 Dan   alpha beta -> ga (file repaired), slo 1 -> 2; gamma poc -> beta
 * C7 2026-05-01 Bob   products/beta-svc renamed products/beta-renamed (same id)
 * C8 2026-07-01 Ann   gamma deleted
 * </pre>
 */
public final class HistoryStory {

    static final String ALPHA = "products/alpha/";

    private HistoryStory() {
    }

    public static GitFixture write(Path folder) throws Exception {
        GitFixture repo = GitFixture.init(folder, TestRepositories.MINIMAL);
        repo.write(ALPHA + "phase.yaml", "phase: poc\nsince: 2025-04-10\n");
        repo.write(ALPHA + "assessment.yaml", assessment(0, 0));
        repo.commit("C1", "Ann", LocalDate.of(2025, 4, 10));

        repo.write(ALPHA + "assessment.yaml", assessment(1, 0));
        repo.commit("C2", "Bob", LocalDate.of(2025, 6, 1));

        repo.write(ALPHA + "phase.yaml", "phase: beta\nsince: 2025-08-01\n");
        for (String file : new String[] {"security.yaml", "finance.yaml"}) {
            repo.write("products/gamma/" + file, Files.readString(repo.root().resolve(ALPHA + file)));
        }
        repo.write("products/gamma/service-doc.yaml",
                Files.readString(repo.root().resolve(ALPHA + "service-doc.yaml")).replaceFirst("id: alpha", "id: gamma"));
        repo.write("products/gamma/phase.yaml", "phase: poc\nsince: 2025-08-01\n");
        repo.write("products/gamma/assessment.yaml", assessment(0, 0));
        repo.commit("C3", "Bob", LocalDate.of(2025, 8, 1));

        repo.write(ALPHA + "assessment.yaml", assessment(1, 1));
        repo.replace("products/beta-svc/assessment.yaml", "slo:\n    level: 1", "slo:\n    level: 2");
        repo.commit("C4", "Carol", LocalDate.of(2025, 11, 15));

        repo.write(ALPHA + "phase.yaml", "phase: [ga\n");
        repo.commit("C5", "Ann", LocalDate.of(2026, 1, 20));

        repo.write(ALPHA + "phase.yaml", "phase: ga\nsince: 2026-02-01\n");
        repo.write(ALPHA + "assessment.yaml", assessment(2, 1));
        repo.write("products/gamma/phase.yaml", "phase: beta\nsince: 2026-02-01\n");
        repo.commit("C6", "Dan", LocalDate.of(2026, 2, 1));

        Files.move(repo.root().resolve("products/beta-svc"), repo.root().resolve("products/beta-renamed"));
        repo.commit("C7", "Bob", LocalDate.of(2026, 5, 1));

        try (Stream<Path> files = Files.list(repo.root().resolve("products/gamma"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        repo.commit("C8", "Ann", LocalDate.of(2026, 7, 1));
        return repo;
    }

    static String assessment(int slo, int backup) {
        return "assessed_on: 2025-04-10\nassessed_by: Bob\nitems:\n  slo:\n    level: " + slo
                + "\n  backup-restore:\n    level: " + backup + "\n";
    }
}
