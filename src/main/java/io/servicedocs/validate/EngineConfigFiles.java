package io.servicedocs.validate;

import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import io.servicedocs.source.SnapshotSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rule {@code engine-config-file}: configuration files of the site's engines (JBake, Asciidoctor,
 * FreeMarker) anywhere in the repository are errors. None of them is read (the engines are
 * configured in code, see site/render/JBakeSettings and site/render/SecureFreemarker, and Asciidoctor converts
 * in SECURE mode, which reads no docinfo file), but a pull request that adds one is trying to
 * change how the site is built, and that should be seen in review and not merged.
 */
public final class EngineConfigFiles {

    public static final String RULE = "engine-config-file";

    /** File names (in lower case: on case-insensitive file systems JBAKE.PROPERTIES is the same file) and their engine. */
    private static final Map<String, String> ANYWHERE = Map.of(
            "jbake.properties", "JBake's project configuration",
            "jbake.yml", "JBake's project configuration (YAML)",
            "jbake.yaml", "JBake's project configuration (YAML)",
            ".jbakeignore", "JBake's marker of folders to leave out of the site",
            ".asciidoctorconfig", "the Asciidoctor configuration of AsciiDoc editors",
            ".asciidoctorconfig.adoc", "the Asciidoctor configuration of AsciiDoc editors",
            "freemarker.properties", "FreeMarker's settings file");

    /** JBake's legacy name for jbake.properties: only at the root, it is too common a name elsewhere. */
    private static final String LEGACY_JBAKE = "custom.properties";

    /** Asciidoctor's docinfo files: docinfo.html, docinfo-footer.html, NAME-docinfo.html, ... (and .xml for DocBook). */
    private static final Pattern DOCINFO = Pattern.compile("(.*-)?docinfo.*\\.(html|xml)");

    /**
     * Not looked into: .git (git's own files, anywhere) and target/ at the root, Maven's build
     * output (a build of the tool itself puts copies of its resources there; it is not the
     * repository's content).
     */
    private static final String MAVEN_OUTPUT = "target";

    private EngineConfigFiles() {
    }

    /**
     * One error per engine configuration file in {@code source}, sorted by path. Links are not
     * followed: a link is reported by its own name (a checkout would follow it).
     */
    public static List<Diagnostic> find(SnapshotSource source) throws IOException {
        List<Diagnostic> found = new ArrayList<>();
        source.walk(folder -> !folder.equals(MAVEN_OUTPUT) && !folder.equals(".git") && !folder.endsWith("/.git"),
                path -> {
                    int slash = path.lastIndexOf('/');
                    String name = path.substring(slash + 1);
                    engine(name, slash < 0).ifPresent(what -> found.add(Diagnostic.error(path, Position.START, RULE,
                            "'" + name + "' is " + what + "; it is not read: servicedocs configures JBake, "
                                    + "Asciidoctor and FreeMarker in the tool itself. Remove the file.")));
                });
        found.sort(Diagnostic.ORDER);
        return found;
    }

    /** What a file of that name configures, if it is an engine configuration file. */
    static Optional<String> engine(String name, boolean atRoot) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (ANYWHERE.containsKey(lower)) {
            return Optional.of(ANYWHERE.get(lower));
        }
        if (atRoot && lower.equals(LEGACY_JBAKE)) {
            return Optional.of("JBake's legacy project configuration");
        }
        if (DOCINFO.matcher(lower).matches()) {
            return Optional.of("an Asciidoctor docinfo file (HTML added to converted pages)");
        }
        return Optional.empty();
    }
}
