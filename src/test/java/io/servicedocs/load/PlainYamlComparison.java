package io.servicedocs.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads files by both paths of {@link YamlReader} (the plain subset, {@link PlainBlockYaml}, and
 * the full path) and says where they differ: the tree node by node (its type and text), every
 * place, and the diagnostic. Used by the tests; its main method runs it over a folder.
 */
final class PlainYamlComparison {

    private final YamlReader plain = new YamlReader(true);
    private final YamlReader full = new YamlReader(false);
    int files;
    int plainRead;
    final List<String> differences = new ArrayList<>();

    /** Compares one file; counts it as read by the plain subset when that one took it. */
    void compare(String path, byte[] bytes) {
        files++;
        YamlReader.Result a = plain.read(path, bytes);
        YamlReader.Result b = full.read(path, bytes);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (PlainBlockYaml.read(text).isPresent()) {
            plainRead++;
        }
        if (!a.problem().equals(b.problem())) {
            differences.add(path + ": problem " + a.problem() + " vs " + b.problem());
            return;
        }
        if (a.document().isPresent() != b.document().isPresent()) {
            differences.add(path + ": document " + a.document().isPresent() + " vs " + b.document().isPresent());
            return;
        }
        if (a.document().isEmpty()) {
            return;
        }
        YamlDocument x = a.document().get();
        YamlDocument y = b.document().get();
        if (x.rootPlace() != y.rootPlace()) {
            differences.add(path + ": root place " + Places.position(x.rootPlace()) + " vs " + Places.position(y.rootPlace()));
        }
        compare(path, "", x.root(), y.root(), x.places(), y.places());
    }

    private void compare(String path, String pointer, JsonNode x, JsonNode y, Places px, Places py) {
        if (x.getClass() != y.getClass() || !x.toString().equals(y.toString()) && !x.isContainer()) {
            differences.add(path + " " + pointer + ": " + x.getClass().getSimpleName() + " " + x + " vs "
                    + y.getClass().getSimpleName() + " " + y);
            return;
        }
        if (!x.isContainer()) {
            return;
        }
        if (x.size() != y.size() || px.size() != py.size() || px.size() != x.size()) {
            differences.add(path + " " + pointer + ": sizes " + x.size() + "/" + px.size() + " vs " + y.size() + "/" + py.size());
            return;
        }
        List<String> names = new ArrayList<>(x.propertyNames());
        List<String> otherNames = new ArrayList<>(y.propertyNames());
        if (!names.equals(otherNames)) {
            differences.add(path + " " + pointer + ": keys " + names + " vs " + otherNames);
            return;
        }
        for (int i = 0; i < x.size(); i++) {
            String child = x.isObject() ? YamlDocument.child(pointer, names.get(i)) : YamlDocument.child(pointer, i);
            if (px.key(i) != py.key(i) || px.value(i) != py.value(i) || px.container(i) != py.container(i)
                    || !java.util.Objects.equals(px.name(i), py.name(i))) {
                differences.add(path + " " + child + ": places key " + Places.position(px.key(i)) + " value "
                        + Places.position(px.value(i)) + " container " + px.container(i) + " vs key "
                        + Places.position(py.key(i)) + " value " + Places.position(py.value(i)) + " container " + py.container(i));
            }
            JsonNode cx = x.isObject() ? x.get(names.get(i)) : x.get(i);
            JsonNode cy = y.isObject() ? y.get(names.get(i)) : y.get(i);
            compare(path, child, cx, cy, px.child(i), py.child(i));
        }
    }

    void compareTree(Path root) throws IOException {
        List<Path> yaml;
        try (var walk = Files.walk(root)) {
            yaml = walk.filter(p -> (p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")) && Files.isRegularFile(p)
                    && !p.toString().contains("/target/")).sorted().toList();
        }
        for (Path file : yaml) {
            compare(root.relativize(file).toString(), Files.readAllBytes(file));
        }
    }

    /**
     * Compares {@code count} variants of {@code bytes}, each with a few random edits (characters
     * that matter to YAML inserted, removed or doubled, lines joined or indented), so that the
     * texts just outside the subset, and the broken ones, are compared too.
     */
    void compareMutations(String path, byte[] bytes, int count, java.util.Random random) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        String pieces = " :-#\"'{}[],a1\n.|>&*!?~0";
        for (int n = 0; n < count; n++) {
            StringBuilder mutated = new StringBuilder(text);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && mutated.length() > 0; e++) {
                int at = random.nextInt(mutated.length());
                switch (random.nextInt(4)) {
                    case 0 -> mutated.insert(at, pieces.charAt(random.nextInt(pieces.length())));
                    case 1 -> mutated.deleteCharAt(at);
                    case 2 -> mutated.insert(at, "  ");
                    default -> mutated.insert(at, mutated.charAt(at));
                }
            }
            compare(path + "#" + n, mutated.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    public static void main(String[] args) throws IOException {
        PlainYamlComparison comparison = new PlainYamlComparison();
        java.util.Random random = new java.util.Random(15);
        for (String arg : args) {
            if (arg.startsWith("mutate=")) {
                String[] spec = arg.substring(7).split(",");
                Path file = Path.of(spec[0]);
                comparison.compareMutations(file.toString(), Files.readAllBytes(file), Integer.parseInt(spec[1]), random);
                continue;
            }
            if (arg.startsWith("declined=")) {
                try (var walk = Files.walk(Path.of(arg.substring(9)))) {
                    for (Path p : walk.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/target/")).toList()) {
                        String t = Files.readString(p);
                        if (t.startsWith("\uFEFF")) t = t.substring(1);
                        if (PlainBlockYaml.read(t).isEmpty()) System.out.println("declined " + p);
                    }
                }
                continue;
            }
            comparison.compareTree(Path.of(arg));
        }
        comparison.differences.stream().limit(40).forEach(System.out::println);
        System.out.println(comparison.files + " files, " + comparison.plainRead + " read by the plain subset, "
                + comparison.differences.size() + " differences");
    }
}
