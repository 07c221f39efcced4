package io.servicedocs.cost.duckdb;

import io.servicedocs.cost.duckdb.FocusFile.Format;
import io.servicedocs.cost.focus.FocusError;
import io.servicedocs.cost.focus.FocusImportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the paths of a FOCUS input into data files: a file is itself; a folder is an export as
 * AWS Data Exports or Azure cost exports lay it out, whose files are the ones its manifests list.
 *
 * <ul>
 *   <li>AWS: {@code <export>/data/BILLING_PERIOD=YYYY-MM/} partitions, each with the manifest
 *       {@code <export>/metadata/BILLING_PERIOD=YYYY-MM/<export>-Manifest.json} (or a
 *       {@code *Manifest.json} in the partition itself, as some copies keep it) whose
 *       {@code dataFiles} lists the partition's files;</li>
 *   <li>Azure: run folders (under {@code <export>/<YYYYMMDD-YYYYMMDD>/}) holding a
 *       {@code manifest.json} whose {@code blobs[].blobName} lists the run's files (and
 *       {@code byteCount} their sizes).</li>
 * </ul>
 * A partition whose files disagree with its manifest (a file listed but absent, a data file
 * present but not listed, a size that differs) is refused: it is being written, or mixes two
 * deliveries, and would count cost twice or miss some.
 */
final class ExportLayout {

    private static final long MAX_MANIFEST_BYTES = 16L << 20;
    private static final int MAX_DEPTH = 8;
    private static final Pattern AWS_PARTITION = Pattern.compile("BILLING_PERIOD=(\\d{4}-\\d{2})");
    private static final Pattern AZURE_RANGE = Pattern.compile("(\\d{4})(\\d{2})\\d{2}-\\d{8}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<FocusError> errors = new ArrayList<>();

    /** The data files of all paths, in the order given (partitions by billing period). */
    static List<FocusFile> files(List<Path> paths, List<YearMonth> billingPeriods) throws FocusImportException {
        ExportLayout layout = new ExportLayout();
        List<FocusFile> files = new ArrayList<>();
        for (Path path : paths) {
            layout.resolve(path, billingPeriods, files);
        }
        if (!layout.errors.isEmpty()) {
            throw new FocusImportException(layout.errors, false);
        }
        return files;
    }

    private void resolve(Path given, List<YearMonth> periods, List<FocusFile> out) {
        String name = given.toString();
        if (Files.isRegularFile(given)) {
            file(given, Optional.empty()).ifPresent(out::add);
            return;
        }
        if (!Files.isDirectory(given)) {
            error(name, "no such file");
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(given, MAX_DEPTH)) {
            all = walk.sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            error(name, "cannot list the folder: " + e.getMessage());
            return;
        }
        List<Path> partitions = all.stream().filter(Files::isDirectory)
                .filter(p -> AWS_PARTITION.matcher(p.getFileName().toString()).matches())
                .filter(p -> p.getParent() != null && p.getParent().getFileName() != null
                        && p.getParent().getFileName().toString().equals("data"))
                .toList();
        List<Path> azureManifests = all.stream().filter(Files::isRegularFile)
                .filter(p -> p.getFileName().toString().equalsIgnoreCase("manifest.json"))
                .toList();
        if (!partitions.isEmpty()) {
            aws(name, partitions, periods, out);
        } else if (!azureManifests.isEmpty()) {
            azure(name, given, azureManifests, periods, out);
        } else {
            error(name, "a folder, but not a FOCUS export: expected an AWS Data Exports folder "
                    + "(<export>/data/BILLING_PERIOD=YYYY-MM/ with <export>/metadata/BILLING_PERIOD=YYYY-MM/"
                    + "<export>-Manifest.json) or an Azure cost export folder (run folders with a manifest.json "
                    + "listing their files); give single files by name");
        }
    }

    private void aws(String folder, List<Path> partitions, List<YearMonth> periods, List<FocusFile> out) {
        Map<YearMonth, List<Path>> byPeriod = new TreeMap<>();
        for (Path partition : partitions) {
            Matcher m = AWS_PARTITION.matcher(partition.getFileName().toString());
            m.matches();
            YearMonth period;
            try {
                period = YearMonth.parse(m.group(1));
            } catch (java.time.format.DateTimeParseException e) {
                error(partition.toString(), "'" + m.group(1) + "' is not a month YYYY-MM");
                continue;
            }
            byPeriod.computeIfAbsent(period, k -> new ArrayList<>()).add(partition);
        }
        missingPeriods(folder, byPeriod.keySet(), periods, "BILLING_PERIOD=");
        for (Map.Entry<YearMonth, List<Path>> entry : byPeriod.entrySet()) {
            if (!periods.isEmpty() && !periods.contains(entry.getKey())) {
                continue;
            }
            for (Path partition : entry.getValue()) {
                awsPartition(partition, entry.getKey(), out);
            }
        }
    }

    private void awsPartition(Path partition, YearMonth period, List<FocusFile> out) {
        String partitionName = partition.getFileName().toString();
        Path exportDir = partition.getParent().getParent();
        List<Path> manifests = new ArrayList<>(manifestsIn(exportDir.resolve("metadata").resolve(partitionName)));
        if (manifests.isEmpty()) {
            manifests.addAll(manifestsIn(partition));
        }
        if (manifests.isEmpty()) {
            error(partition.toString(), "no manifest for this partition: expected "
                    + exportDir.resolve("metadata").resolve(partitionName).resolve("<export>-Manifest.json")
                    + ", whose dataFiles lists the partition's files");
            return;
        }
        if (manifests.size() > 1) {
            error(partition.toString(), "more than one manifest for this partition: " + manifests.stream()
                    .map(Path::toString).collect(Collectors.joining(", ")) + "; which delivery is meant?");
            return;
        }
        Path manifest = manifests.get(0);
        Optional<JsonNode> root = manifest(manifest);
        if (root.isEmpty()) {
            return;
        }
        JsonNode dataFiles = root.get().get("dataFiles");
        if (dataFiles == null || !dataFiles.isArray() || dataFiles.isEmpty()) {
            error(manifest.toString(), "has no dataFiles: the list of the partition's files (s3://.../" + partitionName
                    + "/<export>-00001.csv.gz)");
            return;
        }
        Set<String> listed = new LinkedHashSet<>();
        for (JsonNode entry : dataFiles) {
            if (!entry.isString() || entry.asString().isBlank()) {
                error(manifest.toString(), "dataFiles: " + entry + " is not the URI of a file");
                return;
            }
            String uri = entry.asString();
            String[] segments = uri.split("/");
            if (segments.length >= 2 && !segments[segments.length - 2].equals(partitionName)) {
                error(manifest.toString(), "dataFiles: '" + uri + "' is not in the partition " + partitionName);
                return;
            }
            listed.add(segments[segments.length - 1]);
        }
        if (agrees(partition, manifest, listed, Map.of())) {
            for (String file : listed) {
                file(partition.resolve(file), Optional.of(period)).ifPresent(out::add);
            }
        }
    }

    private void azure(String folder, Path given, List<Path> manifests, List<YearMonth> periods, List<FocusFile> out) {
        Map<YearMonth, List<Path>> byPeriod = new TreeMap<>();
        List<Path> withoutPeriod = new ArrayList<>();
        for (Path manifest : manifests) {
            Optional<YearMonth> period = Optional.empty();
            for (Path p = manifest.getParent(); p != null && !p.equals(given.getParent()); p = p.getParent()) {
                Matcher m = p.getFileName() == null ? null : AZURE_RANGE.matcher(p.getFileName().toString());
                if (m != null && m.matches()) {
                    try {
                        period = Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
                    } catch (java.time.DateTimeException e) {
                        error(p.toString(), "'" + p.getFileName() + "' is not a date range YYYYMMDD-YYYYMMDD");
                    }
                    break;
                }
            }
            if (period.isPresent()) {
                byPeriod.computeIfAbsent(period.get(), k -> new ArrayList<>()).add(manifest);
            } else {
                withoutPeriod.add(manifest);
            }
        }
        if (!periods.isEmpty() && !withoutPeriod.isEmpty()) {
            error(withoutPeriod.get(0).toString(), "cannot tell this run's billing period (no parent folder "
                    + "YYYYMMDD-YYYYMMDD), so the billing periods asked for cannot be chosen");
            return;
        }
        missingPeriods(folder, byPeriod.keySet(), periods, "");
        List<Map.Entry<Optional<YearMonth>, Path>> chosen = new ArrayList<>();
        byPeriod.forEach((period, list) -> {
            if (periods.isEmpty() || periods.contains(period)) {
                list.forEach(m -> chosen.add(Map.entry(Optional.of(period), m)));
            }
        });
        withoutPeriod.forEach(m -> chosen.add(Map.entry(Optional.empty(), m)));
        for (Map.Entry<Optional<YearMonth>, Path> entry : chosen) {
            azureRun(entry.getValue(), entry.getKey(), out);
        }
    }

    private void azureRun(Path manifest, Optional<YearMonth> period, List<FocusFile> out) {
        Optional<JsonNode> root = manifest(manifest);
        if (root.isEmpty()) {
            return;
        }
        JsonNode blobs = root.get().get("blobs");
        if (blobs == null || !blobs.isArray() || blobs.isEmpty()) {
            error(manifest.toString(), "has no blobs: the list of the run's files ({\"blobName\": \".../part_0_0001.csv.gz\"})");
            return;
        }
        Set<String> listed = new LinkedHashSet<>();
        Map<String, Long> sizes = new java.util.HashMap<>();
        for (JsonNode blob : blobs) {
            JsonNode blobName = blob.get("blobName");
            if (blobName == null || !blobName.isString() || blobName.asString().isBlank()) {
                error(manifest.toString(), "blobs: " + blob + " has no blobName");
                return;
            }
            String[] segments = blobName.asString().split("/");
            String file = segments[segments.length - 1];
            listed.add(file);
            JsonNode byteCount = blob.get("byteCount");
            if (byteCount != null && byteCount.isIntegralNumber()) {
                sizes.put(file, byteCount.asLong());
            }
        }
        if (agrees(manifest.getParent(), manifest, listed, sizes)) {
            for (String file : listed) {
                file(manifest.getParent().resolve(file), period).ifPresent(out::add);
            }
        }
    }

    /** Whether the data files in {@code folder} are exactly those listed (with those sizes); an error if not. */
    private boolean agrees(Path folder, Path manifest, Set<String> listed, Map<String, Long> sizes) {
        Set<String> present = new LinkedHashSet<>();
        try (Stream<Path> list = Files.list(folder)) {
            list.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(ExportLayout::isDataFileName).sorted().forEach(present::add);
        } catch (IOException e) {
            error(folder.toString(), "cannot list the folder: " + e.getMessage());
            return false;
        }
        List<String> missing = listed.stream().filter(f -> !present.contains(f)).toList();
        List<String> extra = present.stream().filter(f -> !listed.contains(f)).toList();
        List<String> resized = new ArrayList<>();
        for (Map.Entry<String, Long> size : sizes.entrySet()) {
            if (present.contains(size.getKey())) {
                try {
                    long actual = Files.size(folder.resolve(size.getKey()));
                    if (actual != size.getValue()) {
                        resized.add(size.getKey() + " (" + actual + " bytes, the manifest says " + size.getValue() + ")");
                    }
                } catch (IOException e) {
                    resized.add(size.getKey() + " (unreadable: " + e.getMessage() + ")");
                }
            }
        }
        if (missing.isEmpty() && extra.isEmpty() && resized.isEmpty()) {
            return true;
        }
        List<String> why = new ArrayList<>();
        if (!missing.isEmpty()) {
            why.add("listed but missing: " + String.join(", ", missing));
        }
        if (!extra.isEmpty()) {
            why.add("present but not listed: " + String.join(", ", extra));
        }
        if (!resized.isEmpty()) {
            why.add("not the size listed: " + String.join(", ", resized));
        }
        error(folder.toString(), "the files disagree with the manifest " + manifest + ": " + String.join("; ", why)
                + " (a delivery still being written, or files of another delivery?); this partition is not read");
        return false;
    }

    private void missingPeriods(String folder, Set<YearMonth> found, List<YearMonth> wanted, String prefix) {
        for (YearMonth period : wanted) {
            if (!found.contains(period)) {
                error(folder, "no billing period " + prefix + period + " in this export; it has: " + (found.isEmpty()
                        ? "none" : found.stream().map(p -> prefix + p).collect(Collectors.joining(", "))));
            }
        }
    }

    private static List<Path> manifestsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("manifest.json"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Optional<JsonNode> manifest(Path manifest) {
        try {
            if (Files.size(manifest) > MAX_MANIFEST_BYTES) {
                error(manifest.toString(), "larger than " + (MAX_MANIFEST_BYTES >> 20) + " MiB; not a manifest");
                return Optional.empty();
            }
            JsonNode root = JSON.readTree(Files.readString(manifest));
            if (root == null || !root.isObject()) {
                error(manifest.toString(), "not a JSON object");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (JacksonException e) {
            error(manifest.toString(), "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            error(manifest.toString(), "cannot read the manifest: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** A file name of a kind exports deliver data in (as opposed to manifests, SQL or YAML next to them). */
    static boolean isDataFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".csv") || n.endsWith(".gz") || n.endsWith(".parquet"));
    }

    private Optional<FocusFile> file(Path path, Optional<YearMonth> period) {
        String name = path.toString();
        byte[] head = new byte[4];
        int n = 0;
        try (InputStream in = Files.newInputStream(path)) {
            for (int r; n < 4 && (r = in.read(head, n, 4 - n)) > 0; ) {
                n += r;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            error(name, "no such file");
            return Optional.empty();
        } catch (IOException e) {
            error(name, "cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
        Format format;
        if (n == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
            format = Format.PARQUET;
        } else if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            format = Format.CSV_GZIP;
        } else if (name.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            error(name, "not a Parquet file (it does not start with PAR1)");
            return Optional.empty();
        } else {
            format = Format.CSV;
        }
        return Optional.of(new FocusFile(path, name, format, period));
    }

    private void error(String file, String message) {
        errors.add(new FocusError(file, 1, Optional.empty(), message));
    }
}
