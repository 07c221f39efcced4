package io.servicedocs.load;

import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.LanguageCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The translatable texts of the standard's files and site.yaml: a plain string (in the default
 * language) or a mapping from language code to text. Before a tree is bound, each mapping is
 * replaced by the text in the language shown (else the default language, else the mapping's
 * first entry), so that the model keeps plain strings and everything downstream reads one
 * language. Which fields are translatable is fixed here, per file kind, and nowhere else: the
 * schemas allow a mapping on exactly these fields.
 */
public final class Translations {

    public static final String RULE = "translation-missing";

    /** A language code: lower-case ISO 639-1 (or 639-2) code, optionally with a region (pt-BR). */
    public static final Pattern LANGUAGE_CODE = LanguageCode.PATTERN;

    /** More missing texts than this are counted, not listed: the list is a pointer, not a report. */
    private static final int LISTED = 10;

    private static final Map<FileKind, List<String>> FIELDS = fields();

    private Translations() {
    }

    /**
     * The language a site is shown in, and the one its plain texts (and content/*.adoc) are
     * written in. Texts missing in {@code shown} are reported when the two differ; a mapping
     * without {@code written} is reported always (a site in the default language shows its first entry).
     */
    public record Language(String shown, String written) {

        public static final Language DEFAULT = new Language("en", "en");

        /** @throws IllegalArgumentException when either is not a language code (they name folders: content/&lt;shown&gt;/) */
        public Language {
            LanguageCode.require("language", shown);
            LanguageCode.require("default language", written);
        }

        public boolean translating() {
            return !shown.equals(written);
        }
    }

    /** A tree with every translatable mapping replaced by one text, and the warning for the texts missing in it. */
    public record Resolved(YamlDocument document, Optional<Diagnostic> missing) {
    }

    private static Map<FileKind, List<String>> fields() {
        Map<FileKind, List<String>> fields = new EnumMap<>(FileKind.class);
        fields.put(FileKind.SITE, List.of("/title", "/company"));
        fields.put(FileKind.STANDARD, List.of("/name", "/tiers/*/name", "/tiers/*/description"));
        fields.put(FileKind.PHASES, List.of("/phases/*/name", "/phases/*/description", "/phases/*/customer_promise"));
        fields.put(FileKind.QUALITY_ITEMS, List.of("/categories/*/title", "/categories/*/description",
                "/items/*/title", "/items/*/description", "/items/*/criteria",
                "/items/*/levels/*/title", "/items/*/levels/*/criteria"));
        fields.put(FileKind.SECURITY_CHECKLIST, List.of("/categories/*/title", "/categories/*/description",
                "/checks/*/title", "/checks/*/description"));
        fields.put(FileKind.TEAMS, List.of("/teams/*/name", "/teams/*/description"));
        fields.put(FileKind.CAMPAIGN, List.of("/title", "/why"));
        fields.put(FileKind.SLI_TEMPLATES, List.of("/templates/*/title", "/templates/*/description",
                "/templates/*/parameters/*/description"));
        return Map.copyOf(fields);
    }

    /** The translatable fields of a kind of file, as JSON pointers in which '*' stands for any index. */
    public static List<String> fields(FileKind kind) {
        return FIELDS.getOrDefault(kind, List.of());
    }

    /**
     * Every file of {@code docs} resolved in {@code language}; the warnings of texts missing in it
     * (one per file) go to {@code warnings}.
     */
    public static Map<FileKind, YamlDocument> resolveAll(Map<FileKind, YamlDocument> docs, Language language,
                                                         Consumer<Diagnostic> warnings) {
        Map<FileKind, YamlDocument> resolved = new EnumMap<>(FileKind.class);
        docs.forEach((kind, doc) -> {
            Resolved one = resolve(kind, doc, language);
            one.missing().ifPresent(warnings);
            resolved.put(kind, one.document());
        });
        return resolved;
    }

    /**
     * The tree of a schema-valid file with each translatable mapping replaced by one text. The
     * positions stay those of the file as written: a resolved field stands where its chosen text
     * stands, so that findings in it point at the line that says it.
     */
    public static Resolved resolve(FileKind kind, YamlDocument doc, Language language) {
        List<String> pointers = new ArrayList<>();
        for (String field : fields(kind)) {
            expand(doc.root(), "", field.substring(1).split("/"), 0, pointers);
        }
        if (!language.translating() && pointers.stream().noneMatch(p -> doc.root().at(p).isObject())) {
            return new Resolved(doc, Optional.empty()); // plain strings read as written: nothing to copy
        }
        JsonNode root = doc.root().deepCopy();
        // the places follow the copy: a text chosen stands where its chosen entry does (else
        // where the mapping did), and the places of the language entries go with them
        YamlDocument placed = doc;
        List<Missing> missing = new ArrayList<>();
        for (String pointer : pointers) {
            JsonNode text = doc.root().at(pointer);
            if (text.isObject() && !text.isEmpty() && text.propertyStream().allMatch(e -> e.getValue().isString())) {
                String chosen = choose(text, language);
                int[] path = doc.indexes(pointer);
                if (path != null) {
                    int[] chosenPath = doc.indexes(YamlDocument.child(pointer, chosen));
                    long at = chosenPath == null ? Places.UNKNOWN : doc.valuePlace(chosenPath);
                    placed = placed.withScalarAt(path, at != Places.UNKNOWN ? at : placed.valuePlace(path));
                }
                replace(root, pointer, text.get(chosen).asString());
                if (language.translating() && !text.has(language.shown())) {
                    missing.add(new Missing(pointer, Lacks.SHOWN, chosen));
                } else if (!text.has(language.written())) {
                    // Shown all the same, but a site in the default language would show the first entry.
                    missing.add(new Missing(pointer, Lacks.WRITTEN, chosen));
                }
            } else if (text.isString() && language.translating()) {
                missing.add(new Missing(pointer, Lacks.SHOWN, language.written()));
            }
        }
        YamlDocument resolved = placed.withRoot(root);
        return new Resolved(resolved, warning(doc, missing, language));
    }

    /** What a text lacks: the language shown, or (having it, or shown in it) the default language. */
    private enum Lacks { SHOWN, WRITTEN }

    /** A text that lacks a language, and the language it shows in instead. */
    private record Missing(String pointer, Lacks lacks, String showsIn) {
    }

    /** The language shown, else the default language, else the first entry. */
    private static String choose(JsonNode mapping, Language language) {
        if (mapping.has(language.shown())) {
            return language.shown();
        }
        if (mapping.has(language.written())) {
            return language.written();
        }
        return mapping.propertyNames().iterator().next();
    }

    /** The pointers of the nodes a field pattern names in this tree, expanding '*' over list indices. */
    private static void expand(JsonNode node, String at, String[] segments, int i, List<String> found) {
        if (i == segments.length) {
            if (node.isString() || node.isObject()) {
                found.add(at);
            }
            return;
        }
        String segment = segments[i];
        if (segment.equals("*")) {
            if (node.isArray()) {
                for (int index = 0; index < node.size(); index++) {
                    expand(node.get(index), YamlDocument.child(at, index), segments, i + 1, found);
                }
            }
        } else if (node.isObject() && node.has(segment)) {
            expand(node.get(segment), YamlDocument.child(at, segment), segments, i + 1, found);
        }
    }

    private static void replace(JsonNode root, String pointer, String text) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String name = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        ((ObjectNode) parent).set(name, StringNode.valueOf(text));
    }

    /**
     * One warning for the file, at the first missing text as the file is written, e.g.
     * "3 texts have no 'ja' translation and show in 'en': items[0].title (availability-slo), ...";
     * texts that lack something else, or show in another language, get a clause of their own
     * after a "; ", e.g. "1 text has no 'en' text (the default language) and shows in 'ja': name".
     */
    private static Optional<Diagnostic> warning(YamlDocument doc, List<Missing> missing, Language language) {
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        List<Missing> ordered = missing.stream()
                .sorted(Comparator.comparing((Missing m) -> doc.locate(m.pointer()).line())
                        .thenComparing(m -> doc.locate(m.pointer()).column()))
                .toList();
        Map<List<Object>, List<Missing>> clauses = ordered.stream().collect(Collectors.groupingBy(
                m -> List.of(m.lacks(), m.showsIn()), LinkedHashMap::new, Collectors.toList()));
        String message = clauses.values().stream().map(texts -> clause(doc, texts, language))
                .collect(Collectors.joining("; "));
        return Optional.of(Diagnostic.warning(doc.path(), doc.locate(ordered.get(0).pointer()), RULE, message));
    }

    /** "2 texts have no 'ja' translation and show in 'en': name, tiers[0].name (tier-1)", for texts that lack and show alike. */
    private static String clause(YamlDocument doc, List<Missing> texts, Language language) {
        String listed = texts.stream().limit(LISTED).map(m -> label(doc.root(), m.pointer())).collect(Collectors.joining(", "));
        if (texts.size() > LISTED) {
            listed += " and " + (texts.size() - LISTED) + " more";
        }
        String count = texts.size() == 1 ? "1 text has" : texts.size() + " texts have";
        String verb = texts.size() == 1 ? "shows" : "show";
        String lacks = texts.get(0).lacks() == Lacks.SHOWN
                ? "'" + language.shown() + "' translation"
                : "'" + language.written() + "' text (the default language)";
        return count + " no " + lacks + " and " + verb + " in '" + texts.get(0).showsIn() + "': " + listed;
    }

    /** "items[0].levels[2].criteria (availability-slo)": the path as YAML reads it, and the id of the entry it is in. */
    private static String label(JsonNode root, String pointer) {
        String[] segments = pointer.substring(1).split("/");
        StringBuilder label = new StringBuilder();
        for (String segment : segments) {
            if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
                label.append('[').append(segment).append(']');
            } else {
                label.append(label.length() == 0 ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        if (segments.length > 2) {
            JsonNode id = root.at("/" + segments[0] + "/" + segments[1] + "/id");
            if (id.isString()) {
                label.append(" (").append(id.asString()).append(')');
            }
        }
        return label.toString();
    }
}
