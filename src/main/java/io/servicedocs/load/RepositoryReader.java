package io.servicedocs.load;

import io.servicedocs.load.RawRepository.ProductRead;
import io.servicedocs.load.RawRepository.RawProduct;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import io.servicedocs.source.SnapshotSource;
import io.servicedocs.source.RefusedFolderException;
import io.servicedocs.source.SnapshotSource.Entry;
import io.servicedocs.source.SourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the standard and every product folder of a snapshot into parsed YAML documents. Files
 * that are missing, unreadable or not valid YAML become diagnostics; reading goes on.
 */
public final class RepositoryReader {

    /** The optional folder of campaigns, under standards/. */
    private static final String CAMPAIGNS = "campaigns";

    private static final java.util.regex.Pattern COST_MONTH_FILE =
            java.util.regex.Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])\\.yaml");

    private final YamlReader yaml = new YamlReader();
    private final ParsedFileCache cache;

    public RepositoryReader() {
        this(ParsedFileCache.NONE);
    }

    /** @param cache where parses of the same bytes are kept between runs */
    public RepositoryReader(ParsedFileCache cache) {
        this.cache = cache;
    }

    /**
     * @throws IOException when the snapshot itself cannot be listed (not a problem of one file)
     */
    public RawRepository read(SnapshotSource source) throws IOException {
        List<Diagnostic> diagnostics = new ArrayList<>();
        // A top folder that is a link out of the repository (or into .git) is an error, never an empty folder.
        Optional<List<Entry>> standardsEntries = listFolder(source, FileKind.STANDARDS_FOLDER, diagnostics);
        Optional<List<Entry>> productEntries = listFolder(source, FileKind.PRODUCTS_FOLDER, diagnostics);
        if (standardsEntries.isPresent() && standardsEntries.get().isEmpty()
                && productEntries.isPresent() && productEntries.get().isEmpty()) {
            diagnostics.add(Diagnostic.error(FileKind.STANDARDS_FOLDER, Position.START, "not-a-repository",
                    "no standards/ or products/ folder in " + source.describe()
                            + "; expected a servicedocs repository (use --repo DIR to point at one)"));
            return new RawRepository(Optional.empty(), Map.of(), List.of(), Map.of(), List.of(), diagnostics);
        }
        // site.yaml is optional: without it the site uses its defaults.
        Optional<YamlDocument> site = source.list("").stream().anyMatch(e -> e.name().equals(FileKind.SITE.fileName()))
                ? readFile(source, FileKind.SITE.standardPath(), diagnostics) : Optional.empty();
        Map<FileKind, YamlDocument> standard = new EnumMap<>(FileKind.class);
        if (standardsEntries.isPresent()) {
            for (FileKind kind : FileKind.standardFiles()) {
                readFile(source, kind.standardPath(), diagnostics).ifPresent(doc -> standard.put(kind, doc));
            }
            for (FileKind kind : FileKind.optionalStandardFiles()) {
                if (standardsEntries.get().stream().anyMatch(e -> e.name().equals(kind.fileName()))) {
                    readFile(source, kind.standardPath(), diagnostics).ifPresent(doc -> standard.put(kind, doc));
                }
            }
            List<String> read = new ArrayList<>();
            FileKind.standardFiles().forEach(k -> read.add(k.fileName()));
            FileKind.optionalStandardFiles().forEach(k -> read.add(k.fileName()));
            FileKind.costSettingFiles().forEach(k -> read.add(k.fileName()));
            read.add(CAMPAIGNS); // listed (and a link refused) by readCampaigns
            reportRefused(source, FileKind.STANDARDS_FOLDER, standardsEntries.get(), read, diagnostics);
        }

        List<String> folders = new ArrayList<>();
        for (Entry entry : productEntries.orElse(List.of())) {
            if (entry.name().startsWith(".")) {
                continue;
            }
            if (entry.kind() == SnapshotSource.Kind.FOLDER) {
                folders.add(entry.name());
            }
            // README files and the like may sit beside the product folders
        }
        reportRefused(source, FileKind.PRODUCTS_FOLDER, productEntries.orElse(List.of()), List.of(), diagnostics);
        Map<FileKind, YamlDocument> costSettings = new EnumMap<>(FileKind.class);
        for (FileKind kind : FileKind.costSettingFiles()) {
            if (standardsEntries.orElse(List.of()).stream().anyMatch(e -> e.name().equals(kind.fileName()))) {
                readFile(source, kind.standardPath(), diagnostics).ifPresent(doc -> costSettings.put(kind, doc));
            }
        }
        List<YamlDocument> costMonths = readCostData(source, diagnostics);
        List<YamlDocument> campaigns = standardsEntries.isPresent() && standardsEntries.get().stream()
                .anyMatch(e -> e.name().equals(CAMPAIGNS)) ? readCampaigns(source, diagnostics) : List.of();
        SiteSources.check(source, diagnostics);
        return new RawRepository(site, standard, folders, costSettings, costMonths, campaigns, diagnostics);
    }

    /**
     * Reads cost-data/&lt;source&gt;/&lt;YYYY-MM&gt;.yaml. Other YAML files there are reported, not
     * guessed at: a misnamed month file would otherwise silently drop a month of cost.
     */
    private List<YamlDocument> readCostData(SnapshotSource source, List<Diagnostic> diagnostics) throws IOException {
        List<String> paths = new ArrayList<>();
        List<Entry> sources = listFolder(source, io.servicedocs.model.CostMonth.FOLDER, diagnostics).orElse(List.of())
                .stream().sorted(java.util.Comparator.comparing(Entry::name)).toList();
        reportRefused(source, io.servicedocs.model.CostMonth.FOLDER, sources, List.of(), diagnostics);
        for (Entry folder : sources) {
            String folderPath = io.servicedocs.model.CostMonth.FOLDER + "/" + folder.name();
            if (folder.name().startsWith(".")) {
                continue;
            }
            if (folder.kind() != SnapshotSource.Kind.FOLDER) {
                continue; // a README beside the source folders; links refused are reported above
            }
            List<Entry> files = source.list(folderPath).stream().sorted(java.util.Comparator.comparing(Entry::name)).toList();
            reportRefused(source, folderPath, files, files.stream().map(Entry::name)
                    .filter(name -> COST_MONTH_FILE.matcher(name).matches()).toList(), diagnostics);
            for (Entry file : files) {
                String name = file.name();
                if (!(name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    continue;
                }
                if (!COST_MONTH_FILE.matcher(name).matches()) {
                    diagnostics.add(Diagnostic.warning(folderPath + "/" + name, Position.START, "unknown-file",
                            "'" + name + "' is not a cost month file and is ignored; expected YYYY-MM.yaml, e.g. 2026-10.yaml"));
                    continue;
                }
                paths.add(folderPath + "/" + name);
            }
        }
        // Month files are independent: parse them on every core, keeping their order.
        List<FileRead> reads;
        try {
            reads = paths.parallelStream().map(path -> readAlone(source, path)).collect(Collectors.toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<YamlDocument> months = new ArrayList<>();
        for (FileRead read : reads) {
            diagnostics.addAll(read.problems());
            read.document().ifPresent(months::add);
        }
        return months;
    }

    /**
     * Reads standards/campaigns/*.yaml, sorted by name. Other files there (a README) are left
     * alone; links out of the repository are reported, as everywhere.
     */
    private List<YamlDocument> readCampaigns(SnapshotSource source, List<Diagnostic> diagnostics) throws IOException {
        String folder = io.servicedocs.model.Campaign.FOLDER;
        Optional<List<Entry>> listed = listFolder(source, folder, diagnostics);
        if (listed.isEmpty()) {
            return List.of();
        }
        List<Entry> entries = listed.get().stream().sorted(java.util.Comparator.comparing(Entry::name)).toList();
        List<String> names = entries.stream().map(Entry::name).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                .filter(n -> !n.startsWith(".")).toList();
        reportRefused(source, folder, entries, names, diagnostics);
        List<YamlDocument> campaigns = new ArrayList<>();
        for (String name : names) {
            readFile(source, folder + "/" + name, diagnostics).ifPresent(campaigns::add);
        }
        return campaigns;
    }

    /**
     * Reads and parses the files of one product folder (one of {@link RawRepository#productFolders()}).
     * Thread-safe: products are independent, and read on every core.
     *
     * @throws UncheckedIOException when the folder itself cannot be listed
     */
    public ProductRead readProduct(SnapshotSource source, String folder) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<FileKind, YamlDocument> files = new EnumMap<>(FileKind.class);
        try {
            List<Entry> entries = source.list(FileKind.PRODUCTS_FOLDER + "/" + folder);
            List<FileKind> known = new ArrayList<>(FileKind.productFiles());
            known.addAll(FileKind.optionalProductFiles());
            reportRefused(source, FileKind.PRODUCTS_FOLDER + "/" + folder, entries,
                    known.stream().map(FileKind::fileName).toList(), diagnostics);
            for (Entry entry : entries) {
                String name = entry.name();
                boolean yamlFile = name.endsWith(".yaml") || name.endsWith(".yml");
                if (yamlFile && known.stream().noneMatch(k -> k.fileName().equals(name))) {
                    diagnostics.add(Diagnostic.warning(FileKind.PRODUCTS_FOLDER + "/" + folder + "/" + name,
                            Position.START, "unknown-file", "'" + name + "' is not a servicedocs file and is ignored; "
                                    + Suggestions.expectedOneOf(name, known.stream()
                                    .map(FileKind::fileName).toList())));
                }
            }
            if (FileKind.productFiles().stream().noneMatch(k -> entries.stream().anyMatch(e -> e.name().equals(k.fileName())))) {
                // One problem, not five: the folder is not a product (yet).
                diagnostics.add(Diagnostic.error(FileKind.PRODUCTS_FOLDER + "/" + folder, Position.START, "missing-file",
                        "folder has none of the product files; expected " + names(FileKind.productFiles())
                                + " ('servicedocs new-product " + folder + "' creates them all)"));
                return new ProductRead(new RawProduct(folder, files), diagnostics);
            }
            for (FileKind kind : FileKind.productFiles()) {
                readFile(source, kind.productPath(folder), diagnostics).ifPresent(doc -> files.put(kind, doc));
            }
            for (FileKind kind : FileKind.optionalProductFiles()) {
                if (entries.stream().anyMatch(e -> e.name().equals(kind.fileName()))) {
                    readFile(source, kind.productPath(folder), diagnostics).ifPresent(doc -> files.put(kind, doc));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProductRead(new RawProduct(folder, files), diagnostics);
    }

    private record FileRead(Optional<YamlDocument> document, List<Diagnostic> problems) {
    }

    /** {@link #readFile} with its own list of problems, for reading files in parallel. */
    private FileRead readAlone(SnapshotSource source, String path) {
        List<Diagnostic> problems = new ArrayList<>();
        try {
            return new FileRead(readFile(source, path, problems), problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<YamlDocument> readFile(SnapshotSource source, String path, List<Diagnostic> diagnostics)
            throws IOException {
        byte[] bytes;
        try {
            bytes = source.read(path, FileKind.maxBytes(path));
        } catch (NoSuchFileException e) {
            diagnostics.add(Diagnostic.error(path, Position.START, "missing-file", missingFileMessage(path)));
            return Optional.empty();
        } catch (SourceException e) {
            // A link on the way (e.g. the folder holding the file) is named rather than the file.
            Diagnostic refused = Diagnostic.error(e.path().orElse(path), Position.START, e.rule(), e.getMessage());
            if (!diagnostics.contains(refused)) {
                diagnostics.add(refused);
            }
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(path, Position.START, "file-unreadable",
                    "cannot read file: " + e.getMessage()));
            return Optional.empty();
        }
        boolean documents = FileKind.optionalProductFiles().stream().filter(FileKind::multiDocument)
                .anyMatch(k -> path.startsWith(FileKind.PRODUCTS_FOLDER + "/") && path.endsWith("/" + k.fileName()));
        byte[] read = bytes;
        YamlReader.Result result = cache.read(path, bytes,
                () -> documents ? yaml.readDocuments(path, read) : yaml.read(path, read));
        result.problem().ifPresent(diagnostics::add);
        return result.document();
    }

    /**
     * The entries of a top folder; empty when it does not exist. A folder that may not be read (a
     * link out of the repository, into .git, to nothing) is reported and gives no entries.
     */
    private static Optional<List<Entry>> listFolder(SnapshotSource source, String folder, List<Diagnostic> diagnostics)
            throws IOException {
        try {
            return Optional.of(source.list(folder));
        } catch (RefusedFolderException e) {
            SourceException refusal = e.refusal();
            diagnostics.add(Diagnostic.error(refusal.path().orElse(folder), Position.START, refusal.rule(),
                    refusal.getMessage() + " Nothing under " + folder + "/ was read."));
            return Optional.empty();
        }
    }

    /**
     * Reports every entry of {@code folder} that is not read because of what it is (a link out of
     * the repository, into .git or to nothing; a FIFO, socket or device): it is named, so that
     * review sees it. Names in {@code readLater} are reported when they are read.
     */
    private static void reportRefused(SnapshotSource source, String folder, List<Entry> entries, List<String> readLater,
                                      List<Diagnostic> diagnostics) throws IOException {
        for (Entry entry : entries) {
            if ((entry.kind() == SnapshotSource.Kind.LINK_OUTSIDE || entry.kind() == SnapshotSource.Kind.OTHER)
                    && !readLater.contains(entry.name())) {
                String path = folder + "/" + entry.name();
                SourceException refusal = source.refusal(path);
                diagnostics.add(Diagnostic.error(refusal.path().orElse(path), Position.START, refusal.rule(),
                        refusal.getMessage() + " It was not read."));
            }
        }
    }

    private static String missingFileMessage(String path) {
        if (path.startsWith(FileKind.STANDARDS_FOLDER + "/")) {
            return "file is missing; standards/ needs " + names(FileKind.standardFiles());
        }
        return "file is missing; every product folder needs " + names(FileKind.productFiles())
                + " ('servicedocs new-product ID' creates them all)";
    }

    private static String names(List<FileKind> kinds) {
        return kinds.stream().map(FileKind::fileName).collect(Collectors.joining(", "));
    }
}
