package io.servicedocs.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.NotIgnoredFilter;
import org.eclipse.jgit.treewalk.filter.OrTreeFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The repository paths ({@code products/alpha/phase.yaml}, as diagnostics name them) that differ
 * between the merge base and the head of a pull request: added, modified and deleted files alike.
 * A rename is its old path and its new one, both changed, so no rename detection is needed. The
 * head is a commit, or the working tree as it is on disk (files not yet added count; files git
 * ignores do not).
 */
public final class ChangedFiles {

    private ChangedFiles() {
    }

    /** Paths that differ between the trees of {@code base} and {@code head}. */
    public static Set<String> between(Repository git, RevCommit base, RevCommit head) throws IOException {
        try (ObjectReader reader = git.newObjectReader()) {
            return walk(git, tree(reader, base), tree(reader, head), false);
        }
    }

    /** Paths that differ between the tree of {@code base} and the working tree of {@code git}. */
    public static Set<String> againstWorkingTree(Repository git, RevCommit base) throws IOException {
        try (ObjectReader reader = git.newObjectReader()) {
            return walk(git, tree(reader, base), new FileTreeIterator(git), true);
        }
    }

    private static CanonicalTreeParser tree(ObjectReader reader, RevCommit commit) throws IOException {
        CanonicalTreeParser parser = new CanonicalTreeParser();
        parser.reset(reader, commit.getTree().getId());
        return parser;
    }

    /** Includes the working-tree entries that are neither files, folders nor links (never reading them). */
    private static final class NotARegularFile extends TreeFilter {

        private final Path root;

        NotARegularFile(Path root) {
            this.root = root;
        }

        @Override
        public boolean include(TreeWalk walker) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(root.resolve(walker.getPathString()),
                        BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return attributes.isOther();
            } catch (IOException e) {
                return false; // not in the working tree: the other filter decides
            }
        }

        @Override
        public boolean shouldBeRecursive() {
            return false;
        }

        @Override
        public TreeFilter clone() {
            return this;
        }
    }

    private static Set<String> walk(Repository git, AbstractTreeIterator base, AbstractTreeIterator head,
                                    boolean headIsWorkingTree) throws IOException {
        Set<String> changed = new TreeSet<>();
        try (TreeWalk walk = new TreeWalk(git)) {
            walk.addTree(base);
            walk.addTree(head);
            walk.setRecursive(true);
            // ignored files (build output, caches) are not part of any pull request, nor is
            // anything below an ignored folder: the filter keeps the walk out of it
            // A FIFO, socket or device in the working tree is changed without being read: hashing
            // it to compare would open it, and a FIFO would block the review for ever.
            walk.setFilter(headIsWorkingTree ? AndTreeFilter.create(new NotIgnoredFilter(1),
                    OrTreeFilter.create(new NotARegularFile(git.getWorkTree().toPath()), TreeFilter.ANY_DIFF))
                    : TreeFilter.ANY_DIFF);
            while (walk.next()) {
                changed.add(walk.getPathString());
            }
        }
        return changed;
    }
}
