package io.servicedocs.history;

import io.servicedocs.source.GitWorkTree;
import io.servicedocs.load.SchemaValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * The history of the commit checked out in the git repository whose working tree is a folder.
 * The last result is kept: `serve` rebuilds on every edit of the working tree, which does not
 * change the history, so the walk runs again only when HEAD moves.
 */
public final class HistoryReader {

    private final SchemaValidator schemas;
    private Object lastKey;
    private Optional<History> last = Optional.empty();

    public HistoryReader(SchemaValidator schemas) {
        this.schemas = schemas;
    }

    /**
     * Empty when the folder is not the top of a git working tree (the walk reads products/ and
     * standards/ at the top of the tree) or the repository has no commit yet.
     */
    public synchronized Optional<History> ofCheckout(Path folder, LocalDate asOf, FiscalCalendar calendar)
            throws IOException {
        Repository opened;
        try {
            opened = GitWorkTree.open(folder);
        } catch (GitWorkTree.NotAWorkTreeException e) {
            return Optional.empty();
        }
        try (Repository repository = opened) {
            ObjectId head = repository.resolve("HEAD^{commit}");
            if (head == null) {
                return Optional.empty();
            }
            Object key = java.util.List.of(head, asOf, calendar);
            if (!Objects.equals(key, lastKey)) {
                last = Optional.of(HistoryAnalysis.analyse(new HistoryWalker(repository, schemas).walk(head), asOf, calendar));
                lastKey = key;
            }
            return last;
        }
    }
}
