package io.servicedocs.net;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a command that calls a network service may wait, at each level. Every fetch (Cost
 * Explorer today; Athena, Prometheus, Datadog tomorrow) takes one of these and applies all of
 * them, so that no server, however slow or silent, can hold a run:
 * <ul>
 * <li>{@code connectTimeout}: opening a connection;</li>
 * <li>{@code readTimeout}: the longest silence while waiting for the next bytes of an answer
 * (a server that trickles one byte a second never trips it, hence the next two);</li>
 * <li>{@code requestTimeout}: one HTTP request from start to last byte of the answer;</li>
 * <li>{@code callTimeout}: one call, i.e. a request with the client's own retries and their
 * waits;</li>
 * <li>{@code deadline}: the whole run, every call and every wait included.</li>
 * </ul>
 * Each limit has the command-line option that sets it ({@link Limit#option()}), so that every
 * message about a limit can say how to raise it.
 */
public record NetworkLimits(Duration connectTimeout, Duration readTimeout, Duration requestTimeout,
        Duration callTimeout, Duration deadline) {

    /** The SDK's standard retry mode makes at most this many attempts of one call. */
    public static final int ATTEMPTS_PER_CALL = 3;

    /** Nothing we call needs a day; longer values are typing mistakes (and overflow int milliseconds). */
    public static final Duration LONGEST = Duration.ofHours(24);

    /**
     * 10 s to connect, 30 s of silence, 1 min per request, 3 requests per call, 10 min per run:
     * a Cost Explorer page takes a few seconds, and 13 months of every account fit easily.
     */
    public static final NetworkLimits DEFAULT = of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(10));

    /** One limit, the option that sets it and what it bounds, for messages. */
    public enum Limit {
        CONNECT("--connect-timeout", "connect timeout", "opening a connection"),
        READ("--read-timeout", "read timeout", "waiting for the next bytes of an answer"),
        REQUEST("--request-timeout", "request timeout", "one HTTP request, start to last byte"),
        CALL("--request-timeout", "call timeout", "one call with the client's retries ("
                + ATTEMPTS_PER_CALL + " request timeouts)"),
        DEADLINE("--deadline", "deadline", "the whole run");

        private final String option;
        private final String label;
        private final String bounds;

        Limit(String option, String label, String bounds) {
            this.option = option;
            this.label = label;
            this.bounds = bounds;
        }

        /** The command-line option that sets (or, for CALL, derives) this limit. */
        public String option() {
            return option;
        }

        /** E.g. "read timeout". */
        public String label() {
            return label;
        }

        /** E.g. "the read timeout of 30 s (--read-timeout PT30S)". */
        public String describe(NetworkLimits limits) {
            Duration value = limits.of(this);
            String setting = this == CALL
                    ? ATTEMPTS_PER_CALL + " request timeouts and the waits between them: see " + option
                    : option + " " + value;
            return "the " + label + " of " + human(value) + " (" + setting + ")";
        }

        /** What the limit bounds, e.g. "opening a connection". */
        public String bounds() {
            return bounds;
        }
    }

    public NetworkLimits {
        check("connectTimeout", connectTimeout);
        check("readTimeout", readTimeout);
        check("requestTimeout", requestTimeout);
        check("callTimeout", callTimeout);
        check("deadline", deadline);
    }

    /** The call timeout is derived: {@value #ATTEMPTS_PER_CALL} request timeouts and the waits between them. */
    public static NetworkLimits of(Duration connectTimeout, Duration readTimeout, Duration requestTimeout,
            Duration deadline) {
        check("requestTimeout", requestTimeout);
        Duration call = requestTimeout.multipliedBy(ATTEMPTS_PER_CALL).plus(Duration.ofSeconds(30));
        return new NetworkLimits(connectTimeout, readTimeout, requestTimeout,
                call.compareTo(LONGEST) > 0 ? LONGEST : call, deadline);
    }

    public NetworkLimits withConnectTimeout(Duration value) {
        return of(value, readTimeout, requestTimeout, deadline);
    }

    public NetworkLimits withReadTimeout(Duration value) {
        return of(connectTimeout, value, requestTimeout, deadline);
    }

    public NetworkLimits withRequestTimeout(Duration value) {
        return of(connectTimeout, readTimeout, value, deadline);
    }

    public NetworkLimits withDeadline(Duration value) {
        return new NetworkLimits(connectTimeout, readTimeout, requestTimeout, callTimeout, value);
    }

    /** The value of one limit. */
    public Duration of(Limit limit) {
        return switch (limit) {
            case CONNECT -> connectTimeout;
            case READ -> readTimeout;
            case REQUEST -> requestTimeout;
            case CALL -> callTimeout;
            case DEADLINE -> deadline;
        };
    }

    /** A deadline for a run that starts now. */
    public Deadline startDeadline() {
        return Deadline.start(deadline);
    }

    /** "2 s", "1.5 s", "10 min", "1 h 30 min": for messages. */
    public static String human(Duration d) {
        if (d.toMillis() < 60_000) {
            return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
        }
        long seconds = d.toSeconds();
        StringBuilder out = new StringBuilder();
        if (seconds >= 3600) {
            out.append(seconds / 3600).append(" h");
        }
        if (seconds % 3600 / 60 != 0) {
            out.append(out.isEmpty() ? "" : " ").append(seconds % 3600 / 60).append(" min");
        }
        if (seconds % 60 != 0) {
            out.append(out.isEmpty() ? "" : " ").append(seconds % 60).append(" s");
        }
        return out.toString();
    }

    private static void check(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than zero, got " + value);
        }
        if (value.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(name + " must be at most " + LONGEST + " (24 h), got " + value);
        }
    }
}
