package io.servicedocs.source;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The one place that opens the git repository of a folder. Review and the site's history read
 * products/ and standards/ at the top of a working tree, so they need the folder to be that top;
 * the history command reads a clone's history, bare or not.
 */
public final class GitWorkTree {

    private GitWorkTree() {
    }

    /** Why a folder is not the top of a git working tree. */
    public enum Problem { NOT_IN_GIT, NOT_THE_TOP }

    /** The folder is not the top of a git working tree; {@link #problem()} says why. */
    public static final class NotAWorkTreeException extends IOException {

        private final Problem problem;

        NotAWorkTreeException(Path folder, Problem problem) {
            super(folder + (problem == Problem.NOT_IN_GIT ? " is not in a git repository"
                    : " is not the top of its git working tree"));
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * The repository whose working tree's top is {@code folder} (searching the folder and its
     * parents for .git, as git does). The caller closes it.
     *
     * @throws NotAWorkTreeException when no repository holds the folder, or it is bare, or its
     *                               working tree's top is another folder
     */
    public static Repository open(Path folder) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(folder.toFile());
        if (builder.getGitDir() == null) {
            throw new NotAWorkTreeException(folder, Problem.NOT_IN_GIT);
        }
        Repository repository = builder.setMustExist(true).build();
        if (repository.isBare() || !repository.getWorkTree().toPath().toRealPath().equals(folder.toRealPath())) {
            repository.close();
            throw new NotAWorkTreeException(folder, Problem.NOT_THE_TOP);
        }
        return repository;
    }

    /**
     * The repository at {@code folder} itself: its .git, or the folder when it is a bare
     * repository (no search in parent folders). The caller closes it.
     *
     * @throws org.eclipse.jgit.errors.RepositoryNotFoundException when there is none
     */
    public static Repository openClone(Path folder) throws IOException {
        return Git.open(folder.toFile()).getRepository();
    }
}
