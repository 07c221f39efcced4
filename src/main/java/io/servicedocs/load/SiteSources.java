package io.servicedocs.load;

import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import io.servicedocs.source.RefusedFolderException;
import io.servicedocs.source.SnapshotSource;
import io.servicedocs.source.SnapshotSource.Entry;
import io.servicedocs.source.SourceException;
import java.io.IOException;
import java.util.List;

/**
 * The site's own sources (templates/, content/, assets/) are published or read by the build:
 * validation reports every entry there that the build would refuse (a link out of the
 * repository, into .git or to nothing; a FIFO, socket or device), so that review sees it before
 * anything is built.
 */
public final class SiteSources {

    /** Where the guides are, in the default language; content/&lt;lang&gt;/ holds them in another. */
    public static final String CONTENT = "content";

    static final List<String> FOLDERS = List.of("templates", "content", "assets");

    /** Deeper than this is taken for a loop of folder links (the build refuses those by their real path). */
    private static final int MAX_DEPTH = 64;
    /** Entries looked at per folder tree, at most: links can multiply them. */
    private static final int MAX_ENTRIES = 200_000;

    private SiteSources() {
    }

    /**
     * The guides of content/ that have no version in content/&lt;language&gt;/ when the site is
     * shown in another language than its guides are written in: one warning naming them all
     * (they are published in the default language), else empty. Links refused there are
     * reported by {@link #check}.
     */
    public static java.util.Optional<Diagnostic> guidesMissing(SnapshotSource source, Translations.Language language)
            throws IOException {
        if (!language.translating()) {
            return java.util.Optional.empty();
        }
        String translated = CONTENT + "/" + language.shown();
        List<String> missing;
        try {
            List<String> there = guides(source, translated);
            missing = guides(source, CONTENT).stream().filter(name -> !there.contains(name))
                    .map(name -> CONTENT + "/" + name).toList();
        } catch (RefusedFolderException e) {
            return java.util.Optional.empty();
        }
        if (missing.isEmpty()) {
            return java.util.Optional.empty();
        }
        String count = missing.size() == 1 ? "1 guide has" : missing.size() + " guides have";
        String verb = missing.size() == 1 ? "is" : "are";
        // placed at the first untranslated guide, a file that exists (the folder may not): an
        // annotation of a pull request can only sit on a file
        return java.util.Optional.of(Diagnostic.warning(missing.get(0), Position.START, Translations.RULE, count
                + " no '" + language.shown() + "' version in " + translated + "/ and " + verb + " published in '"
                + language.written() + "': " + String.join(", ", missing)));
    }

    /** The names of the .adoc files directly in a folder, sorted; none when it does not exist. */
    private static List<String> guides(SnapshotSource source, String folder) throws IOException {
        return source.list(folder).stream()
                .filter(e -> e.kind() == SnapshotSource.Kind.FILE && e.name().endsWith(".adoc"))
                .map(Entry::name).sorted().toList();
    }

    static void check(SnapshotSource source, List<Diagnostic> diagnostics) throws IOException {
        for (String folder : FOLDERS) {
            try {
                walk(source, folder, 0, new int[] {0}, new java.util.HashSet<>(), diagnostics);
            } catch (RefusedFolderException e) {
                SourceException refusal = e.refusal();
                diagnostics.add(Diagnostic.error(refusal.path().orElse(folder), Position.START, refusal.rule(),
                        refusal.getMessage()));
            }
        }
    }

    /** @return false when the walk stopped (too deep or too many entries, reported) */
    private static boolean walk(SnapshotSource source, String folder, int depth, int[] count, java.util.Set<String> above,
                                List<Diagnostic> diagnostics) throws IOException {
        java.util.Optional<String> where = source.whereIs(folder);
        if (where.isPresent() && !above.add(where.get())) {
            diagnostics.add(Diagnostic.error(folder, Position.START, "link-broken", folder + " is a symbolic link to a "
                    + "folder that contains it; the links loop. Replace the link by the files themselves."));
            return true;
        }
        if (depth > MAX_DEPTH) {
            diagnostics.add(Diagnostic.error(folder, Position.START, "link-broken", folder + " is nested deeper than "
                    + MAX_DEPTH + " folders; a symbolic link on the way loops back to a folder that contains it"));
            return false;
        }
        for (Entry entry : source.list(folder)) {
            String path = folder + "/" + entry.name();
            if (++count[0] > MAX_ENTRIES) {
                diagnostics.add(Diagnostic.error(folder, Position.START, "file-unreadable", folder + " holds more than "
                        + MAX_ENTRIES + " files and folders (counting those reached through links)"));
                return false;
            }
            switch (entry.kind()) {
                case FOLDER -> {
                    if (!walk(source, path, depth + 1, count, above, diagnostics)) {
                        return false;
                    }
                }
                case LINK_OUTSIDE, OTHER -> {
                    SourceException refusal = source.refusal(path);
                    diagnostics.add(Diagnostic.error(refusal.path().orElse(path), Position.START, refusal.rule(),
                            refusal.getMessage() + " The site would publish or read it."));
                }
                default -> { }
            }
        }
        where.ifPresent(above::remove);
        return true;
    }
}
