package io.servicedocs.site.render;

import io.servicedocs.source.RepositoryFiles;
import io.servicedocs.source.SourceException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The interface strings of the site in one language, from the resource bundle
 * templates/i18n/messages_&lt;language&gt;.properties (UTF-8). Templates read them as {@code t['key']}.
 */
public final class Messages {

    /** Far more than the strings of a site need. */
    private static final long MAX_BYTES = 1 << 20;

    private Messages() {
    }

    public static Path bundle(Path templates, String language) {
        return templates.resolve("i18n").resolve("messages_" + language + ".properties");
    }

    /** The strings of a repository's site, read through its rule for files (no link out or into .git, no FIFO). */
    public static Map<String, String> load(RepositoryFiles files, String language) throws IOException, SiteException {
        String path = "templates/i18n/messages_" + language + ".properties";
        byte[] bytes;
        try {
            bytes = files.read(path, MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path, null, "no interface strings for language '" + language + "'");
        } catch (SourceException e) {
            String message = e.getMessage().replaceAll("\\.$", "");
            throw new SiteException(e.path().isPresent() ? message : path + ": " + message);
        }
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)));
        return sorted(properties);
    }

    /**
     * The languages that have interface strings in the repository: the &lt;language&gt; of every
     * templates/i18n/messages_&lt;language&gt;.properties that may be read, sorted.
     */
    public static java.util.List<String> languages(RepositoryFiles files) throws IOException {
        try {
            return files.list("templates/i18n").stream()
                    .filter(e -> e.kind() == io.servicedocs.source.SnapshotSource.Kind.FILE)
                    .map(io.servicedocs.source.SnapshotSource.Entry::name)
                    .filter(name -> name.startsWith("messages_") && name.endsWith(".properties"))
                    .map(name -> name.substring("messages_".length(), name.length() - ".properties".length()))
                    .sorted().toList();
        } catch (SourceException e) {
            return java.util.List.of(); // a refused folder is reported by validation
        }
    }

    public static Map<String, String> load(Path templates, String language) throws IOException {
        Path file = bundle(templates, language);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no interface strings for language '" + language + "'");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return sorted(properties);
    }

    /**
     * The strings sorted by key, in a hash map: every page looks up hundreds of them, and a
     * sorted map's lookups (string comparisons down a tree of 650 keys sharing prefixes) were
     * about 6% of the templates' time (issue 15, JFR). The order stays the sorted one.
     */
    private static Map<String, String> sorted(Properties properties) {
        Map<String, String> sorted = new TreeMap<>();
        properties.forEach((k, v) -> sorted.put((String) k, (String) v));
        return new java.util.LinkedHashMap<>(sorted);
    }
}
