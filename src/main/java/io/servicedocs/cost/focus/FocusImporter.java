package io.servicedocs.cost.focus;

import io.servicedocs.cost.focus.CsvReader.CsvFormatException;
import io.servicedocs.cost.focus.CsvReader.CsvRecord;
import io.servicedocs.load.NumberBounds;
import io.servicedocs.load.TextCharacters;
import io.servicedocs.model.Money;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a FOCUS (1.0 to 1.2) cost and usage CSV file into monthly EffectiveCost per sub-account.
 *
 * <p>Tolerant where the meaning is clear: column names in any case with spaces around them,
 * unknown columns, empty strings and unquoted {@code NULL} as null, enum values in any case
 * (and with or without the hyphen), ISO dates and date-times with {@code T} or a space, with
 * {@code Z}, an offset or none (FOCUS dates are UTC), amounts with '+', exponents or spaces
 * around them, Azure ARM paths {@code /subscriptions/<guid>} as sub-account ids (the GUID, in
 * lower case), blank lines and repeated header lines. Anything else it cannot understand is an
 * error naming file, line and column; all errors up to a limit are collected and thrown together.
 *
 * <p>With a tag key, the sums are also per value of that tag, read from the {@code Tags} column
 * (with Jackson's streaming parser):
 * <ul>
 *   <li>a JSON object in a string (also without its braces, as older Azure exports write it), or
 *       the list form some exports use: a JSON array of objects each with a "key" (a string) and a
 *       "value" member, their names in any case, other members ignored ({@code []}: no tags);
 *       anything else is an error;</li>
 *   <li>a key given twice in one row is an error; the key is matched exactly, or else in any case
 *       when only one key matches so (several that do are an error);</li>
 *   <li>rows without the tag, without tags, or with the value null or "" get the value "" (the
 *       untagged part); a string is stripped at both ends, and one of only white space is an
 *       error; a number counts as its literal text (1.10, 1e2), a boolean as true or false; an
 *       object or array is an error.</li>
 * </ul>
 * A file without a {@code Tags} column is read as without a tag key ({@link FocusImport#tagKey()}
 * empty), with a note saying so in {@link FocusImport#notes()}; a file where no row has the tag
 * gets a note listing the keys the rows do have.
 */
public final class FocusImporter implements FocusReader {

    public static final int DEFAULT_MAX_ERRORS = 100;

    static final String SKIPPED_BLANK = "blank line";
    static final String SKIPPED_HEADER = "repeated header line";

    private static final int MAX_KEYS_SHOWN = 10;
    private static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern BARE_GUID = Pattern.compile(GUID);
    private static final Pattern ARM_SUBSCRIPTION = Pattern.compile("(?i)/subscriptions/(" + GUID + ")/?");
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);


    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int maxErrors;
    private final Optional<String> tagKey;

    public FocusImporter() {
        this(DEFAULT_MAX_ERRORS);
    }

    /** @param maxErrors how many errors to collect before reading stops */
    public FocusImporter(int maxErrors) {
        this(maxErrors, Optional.empty());
    }

    /**
     * @param maxErrors how many errors to collect before reading stops
     * @param tagKey    the tag whose values split each sub-account's sums; empty: no split
     */
    public FocusImporter(int maxErrors, Optional<String> tagKey) {
        if (maxErrors < 1) {
            throw new IllegalArgumentException("maxErrors must be at least 1, got " + maxErrors);
        }
        if (tagKey.isPresent() && tagKey.get().isBlank()) {
            throw new IllegalArgumentException("the tag key is blank");
        }
        this.maxErrors = maxErrors;
        this.tagKey = tagKey;
    }

    /** Reads a UTF-8 file; messages name it as {@code file.toString()}. */
    public FocusImport read(Path file) throws FocusImportException {
        String name = file.toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            throw single(name, "the Java CSV reader reads CSV files (also gzip-compressed, .csv.gz), not Parquet; "
                    + "read Parquet with --engine duckdb");
        }
        try (Reader reader = name.toLowerCase(Locale.ROOT).endsWith(".gz")
                ? new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(Files.newInputStream(file)),
                        StandardCharsets.UTF_8.newDecoder())
                : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, name);
        } catch (NoSuchFileException e) {
            throw single(name, "no such file");
        } catch (IOException e) {
            throw single(name, "cannot read the file: " + e.getMessage());
        }
    }

    /** Reads CSV text; {@code sourceName} is the file name used in messages. */
    public FocusImport read(Reader reader, String sourceName) throws FocusImportException {
        try {
            return new Reading(sourceName).run(new CsvReader(reader));
        } catch (CharacterCodingException e) {
            throw single(sourceName, "not UTF-8 text");
        } catch (IOException e) {
            throw single(sourceName, "cannot read the file: " + e.getMessage());
        }
    }

    /**
     * Reads every file of the input (CSV, or gzip-compressed CSV ending in .gz; this engine reads
     * no Parquet and no folders) as one read: the groups of all files, the rows of all files; the
     * version when all files agree, else unknown with each file's.
     */
    @Override
    public FocusRead read(FocusInput input) throws FocusImportException {
        if (input.athena().isPresent()) {
            throw single("athena", "the Java CSV reader reads local files; use --engine athena for an Athena table");
        }
        if (input.paths().isEmpty()) {
            throw new IllegalArgumentException("no file to read");
        }
        FocusImporter reader = input.tagKey().equals(tagKey) ? this : new FocusImporter(maxErrors, input.tagKey());
        List<FocusImport> files = new ArrayList<>();
        List<FocusError> errors = new ArrayList<>();
        boolean truncated = false;
        for (Path path : input.paths()) {
            try {
                files.add(reader.read(path));
            } catch (FocusImportException e) {
                errors.addAll(e.errors());
                truncated |= e.truncated();
            }
        }
        if (!errors.isEmpty()) {
            throw new FocusImportException(errors, truncated);
        }
        if (files.size() == 1) {
            return files.get(0).focusRead();
        }
        List<FocusVersion> versions = files.stream().map(FocusImport::version).distinct().toList();
        return new FocusRead(files.stream().map(FocusImport::source).collect(Collectors.joining(", ")),
                versions.size() == 1 ? versions.get(0) : FocusVersion.UNKNOWN,
                files.stream().map(f -> f.source() + ": " + f.versionEvidence()).collect(Collectors.joining("; ")),
                files.stream().flatMap(f -> f.groups().stream()).toList(),
                files.stream().mapToLong(f -> f.rows().used()).sum(),
                files.stream().map(FocusImport::tagKey).flatMap(Optional::stream).findFirst(),
                files.stream().flatMap(f -> f.notes().stream()).toList());
    }

    private static FocusImportException single(String file, String message) {
        return new FocusImportException(List.of(new FocusError(file, 1, Optional.empty(), message)), false);
    }

    private record Key(String provider, Optional<String> subAccountId, Optional<String> subAccountName,
                       YearMonth month, Currency currency, Optional<String> tag) {
    }

    /** What one charge group is told apart by (see {@link ChargeGroup}). */
    private record GroupKey(String provider, String billingAccountId, Optional<String> billingAccountName,
                            Optional<String> subAccountId, Optional<String> subAccountName, Currency currency,
                            YearMonth billingPeriod, YearMonth chargeMonth, String category,
                            Optional<String> chargeClass, Optional<String> frequency, Optional<String> tag,
                            Optional<ChargeGroup.ChargeTerm> term) {
    }

    /** The sums of one group while the file is read. */
    private static final class GroupSums {
        BigDecimal effective = BigDecimal.ZERO;
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal list = BigDecimal.ZERO;
        long rows;
        final int firstLine;
        final int order;

        GroupSums(int firstLine, int order) {
            this.firstLine = firstLine;
            this.order = order;
        }
    }

    private static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::provider)
            .thenComparing(k -> k.subAccountId().orElse(""))
            .thenComparing(k -> k.subAccountName().orElse(""))
            .thenComparing(Key::month)
            .thenComparing(k -> k.tag().orElse(""))
            .thenComparing(k -> k.currency().getCurrencyCode());

    /** Thrown inside one reading when the error limit is passed. */
    private static final class TooManyErrors extends RuntimeException {
        TooManyErrors() {
            super(null, null, false, false);
        }
    }

    /** The state of reading one file. */
    private final class Reading {
        private final String file;
        private final List<FocusError> errors = new ArrayList<>();
        private final Map<Key, BigDecimal> totals = new HashMap<>();
        private final Map<Key, Integer> rowsPerKey = new HashMap<>();
        private final Map<Key, Integer> firstLinePerKey = new HashMap<>();
        private final Map<GroupKey, GroupSums> groups = new HashMap<>();
        /**
         * Whether the header has no BillingPeriodStart (FOCUS requires it, older exports and
         * hand-made files lack it): each row's billing period is then its charge month.
         */
        private boolean noBillingPeriod;
        private final Map<String, Integer> skipped = new LinkedHashMap<>();
        private final EnumMap<FocusColumn, Integer> index = new EnumMap<>(FocusColumn.class);
        private final List<String> notes = new ArrayList<>();
        /** The key of the tag to group by in this file: empty without one or without a Tags column. */
        private Optional<String> fileTagKey = tagKey;
        /** Whether some row has the tag; until then, the first keys the rows have (for the note when none has). */
        private boolean tagFound;
        private final TreeSet<String> keysFound = new TreeSet<>();
        private List<String> header = List.of();
        private int read;
        private int used;

        Reading(String file) {
            this.file = file;
        }

        FocusImport run(CsvReader csv) throws IOException, FocusImportException {
            boolean truncated = false;
            FocusVersion.Detection version = null;
            try {
                Optional<CsvRecord> first = csv.next();
                if (first.isEmpty()) {
                    throw single(file, "the file is empty; expected a header line of FOCUS column names");
                }
                version = readHeader(first.get());
                if (errors.isEmpty()) {
                    for (Optional<CsvRecord> r = csv.next(); r.isPresent(); r = csv.next()) {
                        read++;
                        readRow(r.get());
                    }
                }
            } catch (CsvFormatException e) {
                errors.add(new FocusError(file, e.line(), Optional.empty(), e.getMessage()));
            } catch (TooManyErrors e) {
                truncated = true;
            }
            if (!errors.isEmpty()) {
                throw new FocusImportException(errors, truncated);
            }
            if (fileTagKey.isPresent() && !tagFound) {
                notes.add(file + ": no row has the tag '" + fileTagKey.get() + "'; " + (keysFound.isEmpty()
                        ? "no row has any tags"
                        : "the keys found are: " + keysFound.stream().limit(MAX_KEYS_SHOWN)
                                .collect(Collectors.joining(", ")) + (keysFound.size() > MAX_KEYS_SHOWN ? ", ..." : "")));
            }
            return new FocusImport(file, version.version(), version.evidence(), chargeGroups(), monthlyCosts(),
                    new RowCounts(read, used, skipped), fileTagKey, notes);
        }

        private FocusVersion.Detection readHeader(CsvRecord record) {
            header = record.fields().stream().map(FocusVersion::normalise).toList();
            for (FocusColumn column : FocusColumn.values()) {
                String wanted = FocusVersion.normalise(column.focusName());
                List<Integer> at = new ArrayList<>();
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).equals(wanted)) {
                        at.add(i);
                    }
                }
                if (at.size() == 1) {
                    index.put(column, at.get(0));
                } else if (at.size() > 1) {
                    error(record.line(), column, "appears " + at.size() + " times in the header (fields "
                            + String.join(", ", at.stream().map(i -> String.valueOf(i + 1)).toList()) + ")");
                } else if (column == FocusColumn.BILLING_ACCOUNT_ID) {
                    error(record.line(), column, "required column missing from the header (servicedocs requires "
                            + "BillingAccountId, as FOCUS does: it keeps each billing account's invoices apart and "
                            + "attributes rows without SubAccountId to their billing account)");
                } else if (column.required()) {
                    error(record.line(), column, "required column missing from the header");
                } else if (column == FocusColumn.BILLING_PERIOD_START) {
                    noBillingPeriod = true;
                } else if (column == FocusColumn.TAGS && tagKey.isPresent()) {
                    fileTagKey = Optional.empty();
                    notes.add(file + ": no Tags column; its costs are not divided by the tag '" + tagKey.get() + "'");
                }
            }
            return FocusVersion.detect(record.fields());
        }

        private void readRow(CsvRecord record) {
            if (record.isBlank() && header.size() > 1) {
                skip(SKIPPED_BLANK);
                return;
            }
            if (record.fields().size() != header.size()) {
                error(record.line(), null, "expected " + header.size() + " fields as in the header, found "
                        + record.fields().size());
                return;
            }
            if (record.fields().stream().map(FocusVersion::normalise).toList().equals(header)) {
                skip(SKIPPED_HEADER);
                return;
            }
            int errorsBefore = errors.size();
            checkCharacters(record);
            if (errors.size() > errorsBefore) {
                return;
            }
            int line = record.line();
            String provider = required(record, FocusColumn.PROVIDER_NAME);
            String billingAccountId = required(record, FocusColumn.BILLING_ACCOUNT_ID);
            Optional<String> billingAccountName = value(record, FocusColumn.BILLING_ACCOUNT_NAME);
            Optional<String> subAccountId = value(record, FocusColumn.SUB_ACCOUNT_ID).map(FocusImporter::subAccountId);
            Optional<String> subAccountName = value(record, FocusColumn.SUB_ACCOUNT_NAME);
            Optional<Instant> start = instant(record, FocusColumn.CHARGE_PERIOD_START, true);
            YearMonth month = start.map(FocusImporter::monthOf).orElse(null);
            YearMonth billingPeriod = noBillingPeriod ? month
                    : instant(record, FocusColumn.BILLING_PERIOD_START, true).map(FocusImporter::monthOf).orElse(null);
            Optional<Instant> end = instant(record, FocusColumn.CHARGE_PERIOD_END, false);
            Currency currency = currency(record, FocusColumn.BILLING_CURRENCY);
            BigDecimal amount = amount(record, FocusColumn.EFFECTIVE_COST);
            BigDecimal billed = optionalAmount(record, FocusColumn.BILLED_COST);
            BigDecimal list = optionalAmount(record, FocusColumn.LIST_COST);
            String category = oneOf(record, FocusColumn.CHARGE_CATEGORY, true,
                    "Usage", "Purchase", "Tax", "Credit", "Adjustment");
            String chargeClass = oneOf(record, FocusColumn.CHARGE_CLASS, false, "Correction");
            String frequency = oneOf(record, FocusColumn.CHARGE_FREQUENCY, false,
                    "One-Time", "Recurring", "Usage-Based");
            if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
                error(record.line(), FocusColumn.CHARGE_PERIOD_END, quote(value(record, FocusColumn.CHARGE_PERIOD_END).orElseThrow())
                        + " is before ChargePeriodStart " + quote(value(record, FocusColumn.CHARGE_PERIOD_START).orElseThrow()));
            }
            Optional<String> tag = fileTagKey.isPresent() ? tag(record, fileTagKey.get()) : Optional.empty();
            if (errors.size() > errorsBefore) {
                return;
            }
            Key key = new Key(provider, subAccountId, subAccountName, month, currency, tag);
            totals.merge(key, amount, BigDecimal::add);
            rowsPerKey.merge(key, 1, Integer::sum);
            firstLinePerKey.putIfAbsent(key, line);
            used++;
            Optional<ChargeGroup.ChargeTerm> term = Optional.empty();
            // any one-time charge carries its term: a purchase, or the unused part of a spend commitment
            // charged at its end for the whole term (FOCUS SaaS spend agreements A1, B1)
            if ("One-Time".equals(frequency)) {
                LocalDate from = start.orElseThrow().atOffset(ZoneOffset.UTC).toLocalDate();
                term = Optional.of(new ChargeGroup.ChargeTerm(from, end.map(FocusImporter::dayEnding).orElse(from),
                        value(record, FocusColumn.COMMITMENT_DISCOUNT_ID), value(record, FocusColumn.CHARGE_DESCRIPTION)));
            }
            GroupKey group = new GroupKey(provider, billingAccountId, billingAccountName, subAccountId, subAccountName,
                    currency, billingPeriod, month, category, Optional.ofNullable(chargeClass),
                    Optional.ofNullable(frequency), tag, term);
            GroupSums sums = groups.computeIfAbsent(group, g -> new GroupSums(line, groups.size()));
            sums.effective = sums.effective.add(amount);
            sums.billed = sums.billed.add(billed);
            sums.list = sums.list.add(list);
            sums.rows++;
        }

        /** The groups in the order of their first rows. */
        private List<ChargeGroup> chargeGroups() {
            return groups.entrySet().stream().sorted(Comparator.comparingInt(e -> e.getValue().order))
                    .map(e -> {
                        GroupKey k = e.getKey();
                        GroupSums sums = e.getValue();
                        return new ChargeGroup(k.provider(), k.billingAccountId(), k.billingAccountName(),
                                k.subAccountId(), k.subAccountName(), k.currency(), k.billingPeriod(), k.chargeMonth(),
                                k.category(), k.chargeClass(), k.frequency(), k.tag(), k.term(), sums.effective,
                                sums.billed, sums.list, sums.rows, Optional.of(file + ":" + sums.firstLine));
                    })
                    .toList();
        }

        private List<MonthlyCost> monthlyCosts() {
            return totals.keySet().stream().sorted(KEY_ORDER)
                    .map(k -> new MonthlyCost(k.provider(), k.subAccountId(), k.subAccountName(), k.month(),
                            new Money(totals.get(k), k.currency()), rowsPerKey.get(k), firstLinePerKey.get(k), k.tag()))
                    .toList();
        }

        /**
         * Refuses the characters text may not contain ({@link TextCharacters}) in the columns this
         * importer reads, as the loader refuses them in YAML: they would reach cost-data and the site.
         */
        private void checkCharacters(CsvRecord record) {
            for (Map.Entry<FocusColumn, Integer> column : index.entrySet()) {
                String field = record.fields().get(column.getValue());
                int refused = TextCharacters.firstRefused(field);
                if (refused >= 0) {
                    error(record.line(), column.getKey(), TextCharacters.message(field, refused,
                            "character " + (refused + 1) + " of the value"));
                }
            }
        }

        /** The row's value of the tag {@code key}: "" when the row has no tags or not this one; empty on error. */
        private Optional<String> tag(CsvRecord record, String key) {
            Optional<String> text = value(record, FocusColumn.TAGS);
            if (text.isEmpty()) {
                return Optional.of("");
            }
            Map<String, TagValue> tags;
            try {
                tags = tags(text.get());
            } catch (NotTags e) {
                error(record.line(), FocusColumn.TAGS, quote(text.get()) + " is not a JSON object of tags, such as {\""
                        + key + "\": \"value\"}, nor a list of them, such as [{\"key\": \"" + key
                        + "\", \"value\": \"value\"}]");
                return Optional.empty();
            } catch (DuplicateTag e) {
                error(record.line(), FocusColumn.TAGS, "the tag " + quote(e.key) + " is given more than once; "
                        + "which value is meant?");
                return Optional.empty();
            }
            List<String> matching = tags.keySet().stream().filter(name -> name.equals(key)).toList();
            if (matching.isEmpty()) {
                matching = tags.keySet().stream().filter(name -> name.equalsIgnoreCase(key)).toList();
            }
            if (matching.isEmpty()) {
                if (!tagFound) {
                    keysFound.addAll(tags.keySet());
                    while (keysFound.size() > MAX_KEYS_SHOWN + 1) {
                        keysFound.pollLast(); // enough to show the first ones and that there are more
                    }
                }
                return Optional.of("");
            }
            tagFound = true;
            keysFound.clear();
            if (matching.size() > 1) {
                error(record.line(), FocusColumn.TAGS, "the tags " + matching.stream().map(FocusImporter::quote).toList()
                        + " all match '" + key + "' in any case; which one is meant?");
                return Optional.empty();
            }
            String name = matching.get(0);
            TagValue value = tags.get(name);
            switch (value.token()) {
                case VALUE_NULL -> {
                    return Optional.of("");
                }
                case START_OBJECT, START_ARRAY -> {
                    error(record.line(), FocusColumn.TAGS, "the tag " + quote(name) + " has "
                            + (value.token() == JsonToken.START_OBJECT ? "object " : "array ") + quote(value.text())
                            + ", not a value");
                    return Optional.empty();
                }
                case VALUE_STRING -> {
                    int refused = TextCharacters.firstRefused(value.text());
                    if (refused >= 0) {
                        error(record.line(), FocusColumn.TAGS, "the tag " + quote(name) + ": " + TextCharacters.message(
                                value.text(), refused, "its value (from an escape such as \"\\u0001\")"));
                        return Optional.empty();
                    }
                    if (!value.text().isEmpty() && value.text().isBlank()) {
                        error(record.line(), FocusColumn.TAGS, "the tag " + quote(name) + " has a blank value (only "
                                + "white space); the empty value \"\" is the untagged part");
                        return Optional.empty();
                    }
                    return Optional.of(value.text().strip());
                }
                default -> {
                    return Optional.of(value.text());
                }
            }
        }

        /** The trimmed value; empty for a missing column, an empty string or an unquoted NULL. */
        private Optional<String> value(CsvRecord record, FocusColumn column) {
            Integer i = index.get(column);
            if (i == null) {
                return Optional.empty();
            }
            String value = record.fields().get(i).strip();
            boolean isNull = value.isEmpty() || (!record.quoted().get(i) && value.equalsIgnoreCase("NULL"));
            return isNull ? Optional.empty() : Optional.of(value);
        }

        private String required(CsvRecord record, FocusColumn column) {
            Optional<String> value = value(record, column);
            if (value.isEmpty()) {
                error(record.line(), column, "missing value");
                return null;
            }
            return value.get();
        }

        private BigDecimal amount(CsvRecord record, FocusColumn column) {
            String text = required(record, column);
            if (text == null) {
                return null;
            }
            try {
                return NumberBounds.parse(text);
            } catch (NumberBounds.Refused e) {
                error(record.line(), column, e.notANumber() ? quote(text) + " is not a number" : e.getMessage());
                return null;
            }
        }

        private Currency currency(CsvRecord record, FocusColumn column) {
            String text = required(record, column);
            if (text == null) {
                return null;
            }
            if (text.matches("[A-Za-z]{3}")) {
                try {
                    return Currency.getInstance(text.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    // reported below
                }
            }
            error(record.line(), column, quote(text) + " is not an ISO 4217 currency code");
            return null;
        }

        /** The instant of a date column; empty when absent (an error when required) or not a date. */
        private Optional<Instant> instant(CsvRecord record, FocusColumn column, boolean isRequired) {
            Optional<String> text = isRequired ? Optional.ofNullable(required(record, column)) : value(record, column);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Optional<Instant> instant = FocusImporter.instant(text.get());
            if (instant.isEmpty()) {
                error(record.line(), column, quote(text.get())
                        + " is not an ISO 8601 date or date-time such as 2024-09-01T00:00:00Z");
            }
            return instant;
        }

        /** An optional cost column: 0 when absent or null (FOCUS allows neither, but some exports do). */
        private BigDecimal optionalAmount(CsvRecord record, FocusColumn column) {
            Optional<String> text = value(record, column);
            if (text.isEmpty()) {
                return BigDecimal.ZERO;
            }
            try {
                return NumberBounds.parse(text.get());
            } catch (NumberBounds.Refused e) {
                error(record.line(), column, e.notANumber() ? quote(text.get()) + " is not a number" : e.getMessage());
                return BigDecimal.ZERO;
            }
        }

        /** The allowed value matching in any case and with or without '-'; null when absent or wrong. */
        private String oneOf(CsvRecord record, FocusColumn column, boolean isRequired, String... allowed) {
            Optional<String> value = isRequired ? Optional.ofNullable(required(record, column)) : value(record, column);
            if (value.isEmpty()) {
                return null;
            }
            String key = enumKey(value.get());
            for (String candidate : allowed) {
                if (enumKey(candidate).equals(key)) {
                    return candidate;
                }
            }
            error(record.line(), column, quote(value.get()) + " is not one of " + String.join(", ", allowed));
            return null;
        }

        private void skip(String reason) {
            skipped.merge(reason, 1, Integer::sum);
        }

        private void error(int line, FocusColumn column, String message) {
            if (errors.size() == maxErrors) {
                throw new TooManyErrors();
            }
            errors.add(new FocusError(file, line, Optional.ofNullable(column).map(c -> c.focusName()), message));
        }
    }

    /**
     * One tag's value as the Tags column gives it: the token that starts it, and its text: a
     * string's content, a number's literal, "true", "false", "" for null; an object or array in
     * compact JSON (only for messages).
     */
    private record TagValue(JsonToken token, String text) {
    }

    /** The Tags text is neither a JSON object of tags nor a list of key/value objects. */
    private static final class NotTags extends Exception {
        NotTags() {
            super(null, null, false, false);
        }
    }

    /** A tag key is given twice in one Tags value. */
    private static final class DuplicateTag extends Exception {
        final String key;

        DuplicateTag(String key) {
            super(null, null, false, false);
            this.key = key;
        }
    }

    /**
     * The tags of a (non-empty) Tags text, by key in the order given: a JSON object (its braces may
     * be left out), or a JSON array of objects each with one "key" (a string) and one "value"
     * member, their names in any case; other members of those objects are ignored.
     */
    private static Map<String, TagValue> tags(String text) throws NotTags, DuplicateTag {
        String json = text.startsWith("{") || text.startsWith("[") ? text : "{" + text + "}";
        Map<String, TagValue> tags = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = next(parser);
            if (first == JsonToken.START_OBJECT) {
                while (next(parser) != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    next(parser);
                    putTag(tags, key, tagValue(parser));
                }
            } else if (first == JsonToken.START_ARRAY) {
                for (JsonToken entry = next(parser); entry != JsonToken.END_ARRAY; entry = next(parser)) {
                    if (entry != JsonToken.START_OBJECT) {
                        throw new NotTags();
                    }
                    String key = null;
                    TagValue value = null;
                    while (next(parser) != JsonToken.END_OBJECT) {
                        String member = parser.currentName();
                        JsonToken token = next(parser);
                        if (member.equalsIgnoreCase("key")) {
                            if (key != null || token != JsonToken.VALUE_STRING) {
                                throw new NotTags();
                            }
                            key = parser.getString();
                        } else if (member.equalsIgnoreCase("value")) {
                            if (value != null) {
                                throw new NotTags();
                            }
                            value = tagValue(parser);
                        } else {
                            parser.skipChildren();
                        }
                    }
                    if (key == null || value == null) {
                        throw new NotTags();
                    }
                    putTag(tags, key, value);
                }
            } else {
                throw new NotTags();
            }
            if (parser.nextToken() != null) {
                throw new NotTags();
            }
        } catch (JacksonException e) {
            throw new NotTags();
        }
        return tags;
    }

    private static JsonToken next(JsonParser parser) throws NotTags {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new NotTags();
        }
        return token;
    }

    private static void putTag(Map<String, TagValue> tags, String key, TagValue value) throws DuplicateTag {
        if (tags.putIfAbsent(key, value) != null) {
            throw new DuplicateTag(key);
        }
    }

    /** The value the parser is at; an object or array is read to its end. */
    private static TagValue tagValue(JsonParser parser) {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case VALUE_NULL -> new TagValue(token, "");
            case START_OBJECT, START_ARRAY -> {
                StringWriter compact = new StringWriter();
                try (JsonGenerator generator = JSON.createGenerator(compact)) {
                    generator.copyCurrentStructure(parser);
                }
                yield new TagValue(token, compact.toString());
            }
            // a string's content; a number's literal text as written (1.10, 1e2); true, false
            default -> new TagValue(token, parser.getString());
        };
    }

    static Optional<Instant> instant(String text) {
        String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            if (t.length() == 10) {
                return Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            TemporalAccessor parsed = DATE_TIME.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
            return Optional.of(parsed instanceof OffsetDateTime offset
                    ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
    }

    /** The first day no longer covered by a period ending (exclusively) at {@code end}, UTC. */
    private static LocalDate dayEnding(Instant end) {
        OffsetDateTime at = end.atOffset(ZoneOffset.UTC);
        return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.toLocalDate() : at.toLocalDate().plusDays(1);
    }

    static String subAccountId(String id) {
        Matcher arm = ARM_SUBSCRIPTION.matcher(id);
        if (arm.matches()) {
            return arm.group(1).toLowerCase(Locale.ROOT);
        }
        return BARE_GUID.matcher(id).matches() ? id.toLowerCase(Locale.ROOT) : id;
    }

    private static String enumKey(String value) {
        return value.replaceAll("[-_ ]", "").toLowerCase(Locale.ROOT);
    }

    /** A value as messages show it: quoted, line breaks visible, long ones shortened. */
    static String quote(String value) {
        String shown = value.replace("\r", "\\r").replace("\n", "\\n");
        return "'" + (shown.length() > 60 ? shown.substring(0, 57) + "..." : shown) + "'";
    }
}
