package io.servicedocs.scaffold.backstage;

import io.servicedocs.load.YamlDocument;
import io.servicedocs.load.YamlReader;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Reads Backstage catalog files: every YAML document of each file ({@code ---} between them),
 * and every *.yaml / *.yml under a folder, at any depth. Catalog files come from elsewhere and
 * are untrusted: each document goes through the project's {@link YamlReader} (no aliases,
 * duplicate keys refused, refused characters and overlong lines caught), files over
 * {@link #MAX_FILE_BYTES} are refused before they are read, and links are not followed.
 */
public final class CatalogReader {

    /** A whole catalog in one file is larger than a Service Doc: a few thousand entities fit. */
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    private final YamlReader yaml = new YamlReader();

    /** The entities read, and the problems of files and documents that could not be (file:line:column). */
    public record Catalog(List<CatalogEntity> entities, List<Diagnostic> problems) {
    }

    /**
     * @param paths files and folders as the user named them; a file's display name is the path
     *              given, or the folder given joined with the file's path under it
     */
    public Catalog read(List<Path> paths) throws IOException {
        List<CatalogEntity> entities = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                for (Path file : yamlFilesUnder(path)) {
                    readFile(file, entities, problems);
                }
            } else if (Files.isRegularFile(path)) {
                readFile(path, entities, problems);
            } else {
                problems.add(Diagnostic.error(path.toString(), Position.START, "catalog-missing",
                        Files.exists(path) ? "not a file or folder" : "no such file or folder"));
            }
        }
        return new Catalog(List.copyOf(entities), List.copyOf(problems));
    }

    /** Regular files named *.yaml or *.yml, sorted; hidden folders (.git) and links are left out. */
    private static List<Path> yamlFilesUnder(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> isYaml(p.getFileName().toString()))
                    .filter(p -> !hidden(folder.relativize(p)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isYaml(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private void readFile(Path file, List<CatalogEntity> entities, List<Diagnostic> problems) throws IOException {
        String name = file.toString();
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            problems.add(Diagnostic.error(name, Position.START, "file-too-large", "file is " + size
                    + " bytes; catalog files are read up to " + MAX_FILE_BYTES + " bytes: split it"));
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = null;
        }
        if (text == null || text.indexOf('\0') >= 0) {
            // the reader says where and why (encoding, NUL byte) before it would parse anything
            yaml.read(name, bytes).problem().ifPresent(problems::add);
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (Chunk chunk : documents(text)) {
            YamlReader.Result result = yaml.read(name, chunk.text().getBytes(StandardCharsets.UTF_8));
            if (result.problem().isPresent()) {
                Diagnostic problem = result.problem().get();
                if (!problem.rule().equals("yaml-empty")) {
                    problems.add(new Diagnostic(problem.severity(), problem.file(), problem.line() + chunk.firstLine() - 1,
                            problem.column(), problem.rule(), inFile(problem.message(), chunk.firstLine() - 1)));
                }
                continue;
            }
            YamlDocument document = result.document().get();
            JsonNode root = document.root();
            if (root.isNull() || root.isMissingNode() || (root.isString() && root.asString().isEmpty())) {
                continue; // "---" with nothing after it
            }
            entities.add(new CatalogEntity(name, chunk.firstLine() + firstContentLine(chunk.text()) - 1,
                    shifted(document, chunk.firstLine() - 1)));
        }
    }

    private static final Pattern FIRST_KEY = Pattern.compile("already defined at line (\\d+)");

    /** A message that names a line of the document (a duplicate key's first place), with that line in the file. */
    private static String inFile(String message, int lines) {
        Matcher first = FIRST_KEY.matcher(message);
        return first.find() ? first.replaceFirst("already defined at line " + (Integer.parseInt(first.group(1)) + lines))
                : message;
    }

    /** A document's text and the line of the file it starts at. */
    private record Chunk(String text, int firstLine) {
    }

    /**
     * The file cut at each line that starts a document ({@code ---} alone or followed by a space);
     * the marker stays with its document, so that columns and a tag after it read as in the file.
     */
    static List<Chunk> documents(String text) {
        List<Chunk> chunks = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder current = new StringBuilder();
        int start = 1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            boolean marker = line.equals("---") || line.startsWith("--- ") || line.startsWith("---\t");
            if (marker && i > 0) {
                chunks.add(new Chunk(current.toString(), start));
                current.setLength(0);
                start = i + 1;
            }
            current.append(lines[i]);
            if (i < lines.length - 1) {
                current.append('\n');
            }
        }
        chunks.add(new Chunk(current.toString(), start));
        return chunks;
    }

    /** The first line of a chunk that is not blank, a comment or the document marker: where the entity starts. */
    private static int firstContentLine(String chunk) {
        String[] lines = chunk.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith("---")) {
                return i + 1;
            }
        }
        return 1;
    }

    /** The document with its positions moved down by {@code lines}: positions in the file, not the chunk. */
    private static YamlDocument shifted(YamlDocument document, int lines) {
        return lines == 0 ? document : document.shifted(lines);
    }
}
