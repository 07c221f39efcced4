package io.servicedocs.cli;

import io.servicedocs.net.NetworkLimits;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The time limits of every command that calls a network service ({@code costs fetch} today),
 * one option per {@link NetworkLimits.Limit}, with the same names in every such command.
 */
final class NetworkOptions {

    @Option(names = "--deadline", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop the whole run after this long, writing nothing (default: PT10M, i.e. 10 min; "
                    + "ISO-8601 like PT90S or 90s, 10m, 1h).")
    Duration deadline;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time to open a connection (default: PT10S).")
    Duration connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Longest silence while an answer arrives (default: PT30S).")
    Duration readTimeout;

    @Option(names = "--request-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time for one HTTP request, start to last byte, even if bytes trickle in (default: "
                    + "PT1M); a failed request is retried " + (NetworkLimits.ATTEMPTS_PER_CALL - 1) + " times.")
    Duration requestTimeout;

    NetworkLimits limits() {
        NetworkLimits limits = NetworkLimits.DEFAULT;
        if (connectTimeout != null) {
            limits = limits.withConnectTimeout(connectTimeout);
        }
        if (readTimeout != null) {
            limits = limits.withReadTimeout(readTimeout);
        }
        if (requestTimeout != null) {
            limits = limits.withRequestTimeout(requestTimeout);
        }
        if (deadline != null) {
            limits = limits.withDeadline(deadline);
        }
        return limits;
    }

    /** ISO-8601 durations (PT10M, PT1.5S) and the short forms 1500ms, 90s, 10m, 1h; longer than zero, at most a day. */
    static final class DurationConverter implements ITypeConverter<Duration> {

        private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})(ms|s|m|min|h)");

        @Override
        public Duration convert(String value) {
            Duration duration = parse(value.strip().toLowerCase(Locale.ROOT));
            if (duration == null) {
                throw new TypeConversionException("'" + value + "' is not a duration; expected e.g. PT10M, PT30S, "
                        + "90s, 10m or 1h");
            }
            if (duration.isZero() || duration.isNegative() || duration.compareTo(NetworkLimits.LONGEST) > 0) {
                throw new TypeConversionException("'" + value + "' is out of range; expected more than zero and at "
                        + "most a day (PT24H)");
            }
            return duration;
        }

        private static Duration parse(String text) {
            Matcher m = SHORT.matcher(text);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m", "min" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
