package io.servicedocs.history;

/**
 * Something the history had to skip or could not know, e.g. an invalid file at one commit.
 *
 * @param commit the abbreviated commit id, or empty for problems of the whole walk
 * @param file the path in the repository, or empty
 */
public record HistoryWarning(String commit, String file, String message) {

    @Override
    public String toString() {
        String where = commit.isEmpty() ? "" : "commit " + commit + ": ";
        return where + (file.isEmpty() ? "" : file + ": ") + message;
    }
}
