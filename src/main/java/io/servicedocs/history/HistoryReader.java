package io.servicedocs.history;

import io.servicedocs.validate.SchemaValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The history of the commit checked out in the git repository that holds a folder, if there is one. */
public final class HistoryReader {

    private HistoryReader() {
    }

    /**
     * Empty when the folder is not the top of a git working tree (the walk reads products/ and
     * standards/ at the top of the tree) or the repository has no commit yet.
     */
    public static Optional<History> ofCheckout(Path folder, SchemaValidator schemas, LocalDate asOf,
                                               FiscalCalendar calendar) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(folder.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repository = builder.setMustExist(true).build()) {
            if (repository.isBare() || !repository.getWorkTree().toPath().toRealPath().equals(folder.toRealPath())) {
                return Optional.empty();
            }
            ObjectId head = repository.resolve("HEAD^{commit}");
            if (head == null) {
                return Optional.empty();
            }
            return Optional.of(HistoryAnalysis.analyse(new HistoryWalker(repository, schemas).walk(head), asOf, calendar));
        }
    }
}
