package io.servicedocs.cost.duckdb;

import io.servicedocs.cost.duckdb.FocusFile.Format;
import io.servicedocs.cost.duckdb.FocusQuery.Check;
import io.servicedocs.cost.focus.FocusColumn;
import io.servicedocs.cost.duckdb.FocusQuery.Source;
import io.servicedocs.cost.focus.ChargeGroup;
import io.servicedocs.cost.focus.CsvReader;
import io.servicedocs.cost.focus.CsvReader.CsvFormatException;
import io.servicedocs.cost.focus.CsvReader.CsvRecord;
import io.servicedocs.cost.focus.FocusError;
import io.servicedocs.cost.focus.FocusImportException;
import io.servicedocs.cost.focus.FocusImporter;
import io.servicedocs.cost.focus.FocusInput;
import io.servicedocs.cost.focus.FocusRead;
import io.servicedocs.cost.focus.FocusReader;
import io.servicedocs.cost.focus.FocusVersion;
import io.servicedocs.load.NumberBounds;
import io.servicedocs.load.TextCharacters;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads FOCUS files and export folders with DuckDB embedded in the process: CSV, gzip-compressed
 * CSV and Parquet, single files or AWS Data Exports and Azure cost export folders (see
 * {@link ExportLayout}). The rows are checked and summed to {@link ChargeGroup}s in SQL
 * ({@link FocusQuery}), so only the groups come to Java and memory does not grow with the file:
 * DuckDB gets a memory limit, a few threads and a temporary folder of its own (under the system
 * temporary folder, deleted afterwards) to spill to.
 *
 * <p>It checks what the Java reader ({@link FocusImporter}) checks. A bad value is an error naming
 * the file, the column and the place: for CSV the exact line, found by reading that file again
 * with the Java reader (only files with bad rows are); for Parquet the 1-based row, given as the
 * error's line. No extension is ever downloaded: CSV, Parquet and JSON are built into the driver.
 */
public final class DuckDbFocusReader implements FocusReader {

    /** DuckDB's share of memory: with the JVM's own, a run stays well under 600 MiB whatever the file. */
    public static final String MEMORY_LIMIT = "256MB";
    private static final int MAX_THREADS = 4;
    private static final int MAX_KEYS_SHOWN = 10;

    private final int maxErrors;

    public DuckDbFocusReader() {
        this(FocusImporter.DEFAULT_MAX_ERRORS);
    }

    /** @param maxErrors how many errors to collect before reading stops */
    public DuckDbFocusReader(int maxErrors) {
        if (maxErrors < 1) {
            throw new IllegalArgumentException("maxErrors must be at least 1, got " + maxErrors);
        }
        this.maxErrors = maxErrors;
    }

    @Override
    public FocusRead read(FocusInput input) throws FocusImportException {
        if (input.athena().isPresent()) {
            throw single("athena", "the DuckDB engine reads local files and folders; use --engine athena for an "
                    + "Athena table");
        }
        if (input.paths().isEmpty()) {
            throw new IllegalArgumentException("no file to read");
        }
        if (input.tagKey().isPresent() && input.tagKey().get().isBlank()) {
            throw new IllegalArgumentException("the tag key is blank");
        }
        List<FocusFile> files = ExportLayout.files(input.paths(), input.billingPeriods());
        if (files.isEmpty()) {
            throw single(input.paths().get(0).toString(), "no data file to read");
        }
        Path temp;
        try {
            temp = Files.createTempDirectory("servicedocs-duckdb-");
        } catch (IOException e) {
            throw single(input.paths().get(0).toString(), "cannot create a temporary folder: " + e.getMessage());
        }
        try (Connection connection = open(temp)) {
            List<FileResult> results = new ArrayList<>();
            List<FocusError> errors = new ArrayList<>();
            boolean truncated = false;
            for (FocusFile file : files) {
                FileResult result = new FileReading(connection, file, input.tagKey()).run();
                if (!result.errors().isEmpty()) {
                    errors.addAll(result.errors());
                    truncated |= result.truncated();
                    if (errors.size() >= maxErrors) {
                        truncated |= errors.size() > maxErrors;
                        errors = new ArrayList<>(errors.subList(0, maxErrors));
                        break;
                    }
                }
                results.add(result);
            }
            if (!errors.isEmpty()) {
                throw new FocusImportException(errors, truncated);
            }
            return combine(input, results);
        } catch (SQLException e) {
            throw single(input.paths().get(0).toString(), "DuckDB failed: " + firstLine(e.getMessage()));
        } finally {
            deleteTree(temp);
        }
    }

    private static Connection open(Path temp) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("memory_limit", MEMORY_LIMIT);
        properties.setProperty("threads", String.valueOf(Math.max(1, Math.min(MAX_THREADS,
                Runtime.getRuntime().availableProcessors()))));
        properties.setProperty("temp_directory", temp.toString());
        // offline: never fetch an extension (CSV, Parquet and JSON are built in)
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        // sums do not depend on row order; not keeping it lets DuckDB stream with less memory
        properties.setProperty("preserve_insertion_order", "false");
        Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            for (String macro : FocusQuery.macros()) {
                statement.execute(macro);
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** What one file gave: its groups, rows, version, tag key and notes; or its errors. */
    private record FileResult(FocusFile file, List<ChargeGroup> groups, long rows, FocusVersion version,
                              String versionEvidence, Optional<String> tagKey, List<String> notes,
                              List<FocusError> errors, boolean truncated) {
        static FileResult failed(FocusFile file, List<FocusError> errors, boolean truncated) {
            return new FileResult(file, List.of(), 0, FocusVersion.UNKNOWN, "", Optional.empty(), List.of(), errors,
                    truncated);
        }
    }

    /** The key of a group without its sums and first row. */
    private record GroupKey(String provider, String billingAccountId, Optional<String> billingAccountName,
                            Optional<String> subAccountId, Optional<String> subAccountName, Currency currency,
                            YearMonth billingPeriod, YearMonth chargeMonth, String category,
                            Optional<String> chargeClass, Optional<String> frequency, Optional<String> tag,
                            Optional<ChargeGroup.ChargeTerm> term) {
        static GroupKey of(ChargeGroup g) {
            return new GroupKey(g.provider(), g.billingAccountId(), g.billingAccountName(), g.subAccountId(),
                    g.subAccountName(), g.currency(), g.billingPeriod(), g.chargeMonth(), g.chargeCategory(),
                    g.chargeClass(), g.chargeFrequency(), g.tag(), g.term());
        }
    }

    /** All files' groups as one read: groups of equal keys added up (the first file's first row kept). */
    private static FocusRead combine(FocusInput input, List<FileResult> results) {
        Map<GroupKey, ChargeGroup> merged = new LinkedHashMap<>();
        for (FileResult result : results) {
            for (ChargeGroup g : result.groups()) {
                merged.merge(GroupKey.of(g), g, (a, b) -> new ChargeGroup(a.provider(), a.billingAccountId(),
                        a.billingAccountName(), a.subAccountId(), a.subAccountName(), a.currency(), a.billingPeriod(),
                        a.chargeMonth(), a.chargeCategory(), a.chargeClass(), a.chargeFrequency(), a.tag(), a.term(),
                        a.effectiveCost().add(b.effectiveCost()), a.billedCost().add(b.billedCost()),
                        a.listCost().add(b.listCost()), a.rows() + b.rows(), a.firstRow().or(b::firstRow)));
            }
        }
        List<FocusVersion> versions = results.stream().map(FileResult::version).distinct().toList();
        String name = input.paths().stream().map(Path::toString).collect(Collectors.joining(", "));
        boolean one = results.size() == 1;
        return new FocusRead(name, versions.size() == 1 ? versions.get(0) : FocusVersion.UNKNOWN,
                one ? results.get(0).versionEvidence() : results.stream()
                        .map(r -> r.file().name() + ": " + r.versionEvidence()).distinct().collect(Collectors.joining("; ")),
                new ArrayList<>(merged.values()), results.stream().mapToLong(FileResult::rows).sum(),
                results.stream().map(FileResult::tagKey).flatMap(Optional::stream).findFirst(),
                results.stream().flatMap(r -> r.notes().stream()).toList());
    }

    /** The reading of one file. */
    private final class FileReading {
        private final Connection connection;
        private final FocusFile file;
        private final Optional<String> wantedTag;
        private final List<FocusError> errors = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<FocusColumn, Source> columns = new EnumMap<>(FocusColumn.class);
        private final List<Source> textColumns = new ArrayList<>();
        private Optional<String> tagKey;
        private Optional<String> repeatedHeader = Optional.empty();

        FileReading(Connection connection, FocusFile file, Optional<String> tagKey) {
            this.connection = connection;
            this.file = file;
            this.wantedTag = tagKey;
            this.tagKey = tagKey;
        }

        FileResult run() throws SQLException {
            List<String> names;
            List<String> types;
            String from;
            if (file.format() == Format.PARQUET) {
                from = "read_parquet(" + FocusQuery.literal(file.path().toString()) + ", file_row_number = true)";
                names = new ArrayList<>();
                types = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                     ResultSet r = statement.executeQuery("DESCRIBE SELECT * FROM " + from)) {
                    while (r.next()) {
                        names.add(r.getString("column_name"));
                        types.add(r.getString("column_type"));
                    }
                } catch (SQLException e) {
                    return failed(1, null, "not a readable Parquet file: " + firstLine(e.getMessage()));
                }
                names.remove("file_row_number");
                types.remove(types.size() - 1);
            } else {
                Optional<List<String>> header = csvHeader();
                if (header.isEmpty()) {
                    return FileResult.failed(file, errors, false);
                }
                names = header.get();
                types = names.stream().map(n -> "VARCHAR").toList();
                String columnList = java.util.stream.IntStream.range(0, names.size())
                        .mapToObj(i -> FocusQuery.literal("c" + i) + ": 'VARCHAR'").collect(Collectors.joining(", "));
                from = "read_csv(" + FocusQuery.literal(file.path().toString()) + ", header = true, auto_detect = false,"
                        + " columns = {" + columnList + "}, delim = ',', quote = '\"', escape = '\"', strict_mode = true,"
                        + " null_padding = false, compression = '" + (file.format() == Format.CSV_GZIP ? "gzip" : "none")
                        + "', max_line_size = 4194304)";
            }
            FocusVersion.Detection version = FocusVersion.detect(names);
            mapColumns(names, types);
            if (!errors.isEmpty()) {
                return FileResult.failed(file, errors, false);
            }
            FocusQuery query = new FocusQuery(from, file.format() != Format.PARQUET, columns, textColumns, tagKey,
                    repeatedHeader);
            List<ChargeGroup> groups = new ArrayList<>();
            long rows = 0;
            long badRows = 0;
            boolean tagFound = false;
            try (Statement statement = connection.createStatement(); ResultSet r = statement.executeQuery(query.groups())) {
                while (r.next()) {
                    if (r.getBoolean("bad")) {
                        badRows += r.getLong("rows");
                        continue;
                    }
                    groups.add(group(r));
                    rows += r.getLong("rows");
                    tagFound |= r.getBoolean("tag_matched");
                }
            } catch (SQLException e) {
                if (file.format() != Format.PARQUET && javaReaderErrors()) {
                    return FileResult.failed(file, errors, errors.size() >= maxErrors);
                }
                return failed(1, null, "cannot be read: " + firstLine(e.getMessage()));
            }
            if (badRows > 0) {
                locate(query);
                return FileResult.failed(file, errors, errors.size() >= maxErrors);
            }
            if (tagKey.isPresent() && !tagFound) {
                TreeSet<String> keys = new TreeSet<>();
                try (Statement statement = connection.createStatement();
                     ResultSet r = statement.executeQuery(query.tagKeys(MAX_KEYS_SHOWN + 1))) {
                    while (r.next()) {
                        keys.add(r.getString(1));
                    }
                }
                notes.add(file.name() + ": no row has the tag '" + tagKey.get() + "'; " + (keys.isEmpty()
                        ? "no row has any tags"
                        : "the keys found are: " + keys.stream().limit(MAX_KEYS_SHOWN).collect(Collectors.joining(", "))
                                + (keys.size() > MAX_KEYS_SHOWN ? ", ..." : "")));
            }
            groups.sort(Comparator.comparing((ChargeGroup g) -> g.firstRow().map(DuckDbFocusReader::rowOf).orElse(0L))
                    .thenComparing(GROUP_ORDER));
            return new FileResult(file, groups, rows, version.version(), version.evidence(), tagKey, notes, List.of(),
                    false);
        }

        /** The header line of a CSV file, read with the Java CSV reader (exact names, BOM, line breaks). */
        private Optional<List<String>> csvHeader() {
            try (Reader reader = reader(); CsvReader csv = new CsvReader(reader)) {
                Optional<CsvRecord> first = csv.next();
                if (first.isEmpty()) {
                    failed(1, null, "the file is empty; expected a header line of FOCUS column names");
                    return Optional.empty();
                }
                return Optional.of(first.get().fields());
            } catch (CsvFormatException e) {
                failed(e.line(), null, e.getMessage());
            } catch (CharacterCodingException e) {
                failed(1, null, "not UTF-8 text");
            } catch (IOException e) {
                failed(1, null, "cannot read the file: " + e.getMessage());
            }
            return Optional.empty();
        }

        private Reader reader() throws IOException {
            InputStream in = Files.newInputStream(file.path());
            if (file.format() == Format.CSV_GZIP) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder());
        }

        /** Finds the FOCUS columns among the file's (any case, spaces around); the header errors as the Java reader's. */
        private void mapColumns(List<String> names, List<String> types) {
            boolean csv = file.format() != Format.PARQUET;
            List<String> normalised = names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
            for (FocusColumn column : FocusColumn.values()) {
                String wanted = column.focusName().toLowerCase(Locale.ROOT);
                List<Integer> at = new ArrayList<>();
                for (int i = 0; i < normalised.size(); i++) {
                    if (normalised.get(i).equals(wanted)) {
                        at.add(i);
                    }
                }
                if (at.size() == 1) {
                    int i = at.get(0);
                    Source source = new Source(csv ? "c" + i : FocusQuery.identifier(names.get(i)), types.get(i));
                    columns.put(column, source);
                    if (source.type().equals("VARCHAR")) {
                        textColumns.add(source);
                    }
                } else if (at.size() > 1) {
                    error(1, column, "appears " + at.size() + " times in the " + (csv ? "header" : "file's columns")
                            + " (fields " + at.stream().map(i -> String.valueOf(i + 1)).collect(Collectors.joining(", "))
                            + ")");
                } else if (column == FocusColumn.BILLING_ACCOUNT_ID) {
                    error(1, column, "required column missing from the " + (csv ? "header" : "file's columns")
                            + " (servicedocs requires BillingAccountId, as FOCUS does: it keeps each billing account's "
                            + "invoices apart and attributes rows without SubAccountId to their billing account)");
                } else if (column.required()) {
                    error(1, column, "required column missing from the " + (csv ? "header" : "file's columns"));
                } else if (column == FocusColumn.TAGS && tagKey.isPresent()) {
                    notes.add(file.name() + ": no Tags column; its costs are not divided by the tag '" + tagKey.get() + "'");
                    tagKey = Optional.empty();
                }
            }
            if (csv && columns.containsKey(FocusColumn.PROVIDER_NAME)) {
                String ws = FocusQuery.literal(FocusQuery.WHITE_SPACE);
                String all = java.util.stream.IntStream.range(0, names.size())
                        .mapToObj(i -> "coalesce(lower(trim(c" + i + ", " + ws + ")), '') = "
                                + FocusQuery.literal(normalised.get(i)))
                        .collect(Collectors.joining(" AND "));
                // a cheap test on every row, the exact one only on rows that may repeat the header
                repeatedHeader = Optional.of("CASE WHEN " + columns.get(FocusColumn.PROVIDER_NAME).reference()
                        + " ILIKE '%providername%' THEN (" + all + ") ELSE false END");
            }
        }

        private ChargeGroup group(ResultSet r) throws SQLException {
            Optional<ChargeGroup.ChargeTerm> term = Optional.empty();
            if (r.getObject("term_start") != null) {
                term = Optional.of(new ChargeGroup.ChargeTerm(localDate(r, "term_start"), localDate(r, "term_end"),
                        optional(r, "term_commitment"), optional(r, "term_description")));
            }
            Object firstRow = r.getObject("first_row");
            return new ChargeGroup(r.getString("provider"), r.getString("billing_account_id"),
                    optional(r, "billing_account_name"), optional(r, "sub_account_id"), optional(r, "sub_account_name"),
                    Currency.getInstance(r.getString("currency")), YearMonth.from(localDate(r, "billing_period")),
                    YearMonth.from(localDate(r, "charge_month")), r.getString("category"), optional(r, "class"),
                    optional(r, "frequency"), tagKey.isPresent() ? Optional.of(r.getString("tag")) : Optional.empty(),
                    term, amount(r, "effective"), amount(r, "billed"), amount(r, "list"), r.getLong("rows"),
                    firstRow == null ? Optional.empty() : Optional.of(file.name() + " row " + firstRow));
        }

        /** The Java reader's errors for this CSV file; false when it finds none (then DuckDB's are shown). */
        private boolean javaReaderErrors() {
            try (Reader reader = reader()) {
                new FocusImporter(maxErrors, wantedTag).read(reader, file.name());
                return false;
            } catch (FocusImportException e) {
                errors.addAll(e.errors());
                return true;
            } catch (IOException e) {
                failed(1, null, "cannot read the file: " + e.getMessage());
                return true;
            }
        }

        /** Says where the bad rows are: CSV by the Java reader's exact lines, else from the query's checks. */
        private void locate(FocusQuery query) throws SQLException {
            if (file.format() != Format.PARQUET && javaReaderErrors()) {
                return;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet r = statement.executeQuery(query.badRows(maxErrors))) {
                while (r.next() && errors.size() < maxErrors) {
                    describe(r);
                }
            }
        }

        /** The messages of one bad row, worded as the Java reader words them. */
        private void describe(ResultSet r) throws SQLException {
            long row = r.getLong("rn");
            int line = (int) Math.min(Integer.MAX_VALUE, file.format() == Format.PARQUET ? row : row + 1);
            if (r.getBoolean(Check.CHARACTERS.sql())) {
                for (FocusColumn column : FocusColumn.values()) {
                    String raw = r.getString("o_" + column.sql());
                    int refused = raw == null ? -1 : TextCharacters.firstRefused(raw);
                    if (refused >= 0) {
                        error(line, column, TextCharacters.message(raw, refused, "character " + (refused + 1) + " of the value"));
                    }
                }
                return;
            }
            if (r.getBoolean(Check.PROVIDER.sql())) {
                error(line, FocusColumn.PROVIDER_NAME, "missing value");
            }
            if (r.getBoolean(Check.BILLING_ACCOUNT.sql())) {
                error(line, FocusColumn.BILLING_ACCOUNT_ID, "missing value");
            }
            if (r.getBoolean(Check.CHARGE_START.sql())) {
                date(r, line, FocusColumn.CHARGE_PERIOD_START);
            }
            if (r.getBoolean(Check.BILLING_PERIOD.sql())) {
                date(r, line, FocusColumn.BILLING_PERIOD_START);
            }
            if (r.getBoolean(Check.CHARGE_END.sql())) {
                date(r, line, FocusColumn.CHARGE_PERIOD_END);
            }
            if (r.getBoolean(Check.CURRENCY.sql())) {
                String text = r.getString(FocusColumn.BILLING_CURRENCY.sql());
                error(line, FocusColumn.BILLING_CURRENCY, text == null ? "missing value"
                        : quote(text) + " is not an ISO 4217 currency code");
            }
            if (r.getBoolean(Check.EFFECTIVE.sql())) {
                number(r, line, FocusColumn.EFFECTIVE_COST);
            }
            if (r.getBoolean(Check.BILLED.sql())) {
                number(r, line, FocusColumn.BILLED_COST);
            }
            if (r.getBoolean(Check.LIST.sql())) {
                number(r, line, FocusColumn.LIST_COST);
            }
            if (r.getBoolean(Check.CATEGORY.sql())) {
                oneOf(r, line, FocusColumn.CHARGE_CATEGORY, "Usage, Purchase, Tax, Credit, Adjustment");
            }
            if (r.getBoolean(Check.CLASS.sql())) {
                oneOf(r, line, FocusColumn.CHARGE_CLASS, "Correction");
            }
            if (r.getBoolean(Check.FREQUENCY.sql())) {
                oneOf(r, line, FocusColumn.CHARGE_FREQUENCY, "One-Time, Recurring, Usage-Based");
            }
            if (r.getBoolean(Check.END_BEFORE_START.sql())) {
                error(line, FocusColumn.CHARGE_PERIOD_END, quote(r.getString(FocusColumn.CHARGE_PERIOD_END.sql()))
                        + " is before ChargePeriodStart " + quote(r.getString(FocusColumn.CHARGE_PERIOD_START.sql())));
            }
            if (r.getBoolean(Check.TAGS.sql())) {
                tags(r, line);
            }
        }

        private void tags(ResultSet r, int line) throws SQLException {
            String key = tagKey.orElseThrow();
            String text = r.getString(FocusColumn.TAGS.sql());
            String name = r.getString("t_name");
            String type = r.getString("t_type");
            if (r.getBoolean("t_not_tags")) {
                error(line, FocusColumn.TAGS, quote(text) + " is not a JSON object of tags, such as {\"" + key
                        + "\": \"value\"}, nor a list of them, such as [{\"key\": \"" + key + "\", \"value\": \"value\"}]");
            } else if (r.getString("t_duplicate") != null) {
                error(line, FocusColumn.TAGS, "the tag " + quote(r.getString("t_duplicate"))
                        + " is given more than once; which value is meant?");
            } else if (r.getLong("t_matches") > 1) {
                error(line, FocusColumn.TAGS, "the tag key '" + key + "' matches more than one tag in any case; which one is "
                        + "meant?");
            } else if ("OBJECT".equals(type) || "ARRAY".equals(type)) {
                error(line, FocusColumn.TAGS, "the tag " + quote(name) + " has " + ("OBJECT".equals(type) ? "object " : "array ")
                        + quote(r.getString("t_json")) + ", not a value");
            } else {
                String value = r.getString("t_string");
                int refused = value == null ? -1 : TextCharacters.firstRefused(value);
                error(line, FocusColumn.TAGS, refused >= 0
                        ? "the tag " + quote(name) + ": " + TextCharacters.message(value, refused,
                                "its value (from an escape such as \"\\u0001\")")
                        : "the tag " + quote(name) + " has a blank value (only white space); the empty value \"\" is the "
                                + "untagged part");
            }
        }

        private void date(ResultSet r, int line, FocusColumn column) throws SQLException {
            String text = r.getString(column.sql());
            error(line, column, text == null ? "missing value"
                    : quote(text) + " is not an ISO 8601 date or date-time such as 2024-09-01T00:00:00Z");
        }

        private void number(ResultSet r, int line, FocusColumn column) throws SQLException {
            String text = r.getString(column.sql());
            if (text == null) {
                error(line, column, "missing value");
                return;
            }
            try {
                NumberBounds.parse(text);
                // within the bounds for Java but not for DECIMAL(38,20): cannot happen for bounded literals
                error(line, column, NumberBounds.shown(text) + " is out of range; " + NumberBounds.LIMITS);
            } catch (NumberBounds.Refused e) {
                error(line, column, e.notANumber() ? quote(text) + " is not a number" : e.getMessage());
            }
        }

        private void oneOf(ResultSet r, int line, FocusColumn column, String allowed) throws SQLException {
            String text = r.getString(column.sql());
            error(line, column, text == null ? "missing value" : quote(text) + " is not one of " + allowed);
        }

        private FileResult failed(int line, FocusColumn column, String message) {
            error(line, column, message);
            return FileResult.failed(file, errors, false);
        }

        private void error(int line, FocusColumn column, String message) {
            if (errors.size() < maxErrors) {
                errors.add(new FocusError(file.name(), Math.max(1, line),
                        Optional.ofNullable(column).map(c -> c.focusName()), message));
            }
        }
    }

    /** Groups of the same first row (CSV: none known) in the order of their keys, so that every run lists them alike. */
    private static final Comparator<ChargeGroup> GROUP_ORDER = Comparator.comparing(ChargeGroup::provider)
            .thenComparing(ChargeGroup::billingAccountId)
            .thenComparing(g -> g.subAccountId().orElse(""))
            .thenComparing(g -> g.subAccountName().orElse(""))
            .thenComparing(ChargeGroup::billingPeriod)
            .thenComparing(ChargeGroup::chargeMonth)
            .thenComparing(g -> g.currency().getCurrencyCode())
            .thenComparing(ChargeGroup::chargeCategory)
            .thenComparing(g -> g.chargeClass().orElse(""))
            .thenComparing(g -> g.chargeFrequency().orElse(""))
            .thenComparing(g -> g.tag().orElse(""))
            .thenComparing(g -> g.term().map(t -> t.start() + "/" + t.endExclusive() + "/" + t.commitmentDiscountId()
                    .orElse("") + "/" + t.description().orElse("")).orElse(""))
            .thenComparing(g -> g.billingAccountName().orElse(""));

    private static long rowOf(String firstRow) {
        int at = firstRow.lastIndexOf(' ');
        try {
            return Long.parseLong(firstRow.substring(at + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<String> optional(ResultSet r, String column) throws SQLException {
        return Optional.ofNullable(r.getString(column));
    }

    private static LocalDate localDate(ResultSet r, String column) throws SQLException {
        return r.getObject(column, LocalDate.class);
    }

    /** The exact sum with the scale the Java reader's BigDecimal sum would have (the most decimals written). */
    private static BigDecimal amount(ResultSet r, String column) throws SQLException {
        BigDecimal sum = r.getBigDecimal(column);
        if (sum == null) {
            sum = BigDecimal.ZERO;
        }
        return sum.setScale(r.getInt(column + "_scale"), java.math.RoundingMode.UNNECESSARY);
    }

    /** A value as messages show it: quoted, line breaks visible, long ones shortened (as the Java reader does). */
    static String quote(String value) {
        String shown = value.replace("\r", "\\r").replace("\n", "\\n");
        return "'" + (shown.length() > 60 ? shown.substring(0, 57) + "..." : shown) + "'";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static FocusImportException single(String file, String message) {
        return new FocusImportException(List.of(new FocusError(file, 1, Optional.empty(), message)), false);
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless; the system cleans its temporary folder
        }
    }
}
