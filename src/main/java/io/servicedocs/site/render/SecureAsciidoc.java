package io.servicedocs.site.render;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.OptionsBuilder;
import org.asciidoctor.SafeMode;
import org.asciidoctor.jruby.internal.JRubyRuntimeContext;
import org.jruby.Ruby;
import org.jruby.RubyThread;
import org.jruby.runtime.Block;

/**
 * The one Asciidoctor of the JVM, always in SECURE mode: AsciiDoc that arrives in a pull request
 * (content/ pages, description fields) cannot include any file of the build machine. Starting
 * JRuby takes about a second, so it starts on another thread as soon as a build begins.
 *
 * <p>Every conversion runs under a time budget per document: some markup makes Asciidoctor's
 * inline substitutions superlinear (16 KiB of {@code xref:a[} takes minutes), and a pull request
 * must not be able to stop the build. A conversion runs on a daemon worker thread while the
 * caller waits; once the document has used its budget ({@link Budget}: CPU time of the
 * conversion, so that a busy machine does not fail normal builds) the caller gets an
 * {@link AsciidocTimeoutException} and the worker is stopped the way Ruby's Timeout does it: an
 * exception raised into its Ruby thread, which also interrupts a running regular expression
 * (JRuby's Joni checks for that). A stopped worker is not reused. Should one not stop (a long
 * loop in Java code that never looks at its interrupts), it is a daemon: it keeps no JVM alive,
 * and the build ends with the error all the same. The site converts one document at a time
 * (product views, the standard and content/ pages are converted before the pages are rendered on
 * all cores), and each worker's time is its own, so the budget is that of one document.
 *
 * <p>The budget is {@value #DEFAULT_BUDGET_SECONDS} s, far above what any real document needs
 * (milliseconds once JRuby is warm; the warm-up itself is never counted). It can be changed with
 * the system property {@value #BUDGET_PROPERTY}, an ISO-8601 duration such as {@code PT10S}:
 * that exists for the tests, which make it small.
 */
public final class SecureAsciidoc {

    /** The system property that sets the budget, e.g. {@code -Dservicedocs.asciidocBudget=PT10S}. */
    public static final String BUDGET_PROPERTY = "servicedocs.asciidocBudget";

    static final int DEFAULT_BUDGET_SECONDS = 10;

    /**
     * The system property that sets the budget of a whole build, all its documents together, e.g.
     * {@code -Dservicedocs.asciidocBuildBudget=PT10M}: without it, many documents each just under
     * their own budget could still hold a build for hours.
     */
    public static final String BUILD_BUDGET_PROPERTY = "servicedocs.asciidocBuildBudget";

    /** Ten minutes of CPU: a whole build of 1,000 generated products takes about 10 s, everything included. */
    static final int DEFAULT_BUILD_BUDGET_MINUTES = 10;

    /** CPU time the conversions of the current build have used, in nanoseconds ({@link #startBuild}). */
    private static final java.util.concurrent.atomic.AtomicLong BUILD_SPENT = new java.util.concurrent.atomic.AtomicLong();

    /** The current build's budget in nanoseconds; none until a build starts. */
    private static volatile long buildLimit = Long.MAX_VALUE;

    private static CompletableFuture<Asciidoctor> engine;

    private static final AtomicInteger WORKER_NUMBER = new AtomicInteger();

    /** Daemon workers, created when needed, idle ones kept for a minute. */
    private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "servicedocs-asciidoc-" + WORKER_NUMBER.incrementAndGet());
                thread.setDaemon(true);
                // a stopped worker ends by throwing Retired: that is its normal end, nothing to print
                thread.setUncaughtExceptionHandler((t, e) -> {
                    if (!(e instanceof Retired)) {
                        t.getThreadGroup().uncaughtException(t, e);
                    }
                });
                return thread;
            });

    private SecureAsciidoc() {
    }

    /**
     * JRuby's options for a run of seconds, set before its runtime is made (AsciidoctorJ gives no
     * other way: its RubyInstanceConfig reads system properties), unless the JVM was started with
     * them (-D). Without its JIT, JRuby interprets: compiling Ruby methods to JVM classes that C1
     * then compiles again costs more than it saves in a build, and its JIT threads compete with
     * the build for 2 cores (issue 15; 1,000 descriptions converted: 4.8 -> 2.4 CPU-s, a cold
     * build of 1,000 products 28.5 -> 24.4 CPU-s with the native option below and the launcher's
     * MetaspaceSize). Without native support (jnr-ffi, about 500 classes loaded) JRuby uses its
     * pure-Java POSIX: SECURE mode reads no file and runs no process, so nothing needs it.
     */
    static final java.util.Map<String, String> JRUBY_OPTIONS = java.util.Map.of(
            "jruby.compile.mode", "OFF",
            "jruby.native.enabled", "false",
            // RubyGems only found the Asciidoctor gem, whose folder is on the load path instead
            // (BundledGems): loading RubyGems and its specifications took 0.6 s of JRuby's 2.4 s
            // start (issue 15)
            "jruby.cli.rubygems.enable", "false");

    private static void configureJRuby() {
        JRUBY_OPTIONS.forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
    }

    /** Starts Asciidoctor in the background, once per JVM. */
    public static synchronized CompletableFuture<Asciidoctor> warmUp() {
        if (engine == null) {
            configureJRuby();
            engine = CompletableFuture.supplyAsync(() -> {
                Asciidoctor asciidoctor = org.asciidoctor.jruby.AsciidoctorJRuby.Factory.create(BundledGems.loadPaths());
                asciidoctor.convert("warm *up*", options().build());
                return asciidoctor;
            });
        }
        return engine;
    }

    static Asciidoctor get() {
        return warmUp().join();
    }

    /** Options every conversion shares: SECURE (no includes, no file access), no ids prefix. */
    static OptionsBuilder options() {
        return Options.builder().safe(SafeMode.SECURE)
                .attributes(Attributes.builder().attribute("idprefix", "").attribute("showtitle", false).build());
    }

    /** The AsciiDoc of a YAML field as HTML; a conversion over its time budget names the file and field. */
    public static String fieldToHtml(String file, String pointer, String asciidoc) {
        return AsciidocTimeoutException.converting(file, pointer, () -> toHtml(asciidoc));
    }

    /** Converts an AsciiDoc field of a Service Doc or of the standard to an HTML fragment, within the budget. */
    public static String toHtml(String asciidoc) {
        return HtmlSanitizer.clean(convert(asciidoc));
    }

    /** Asciidoctor's own HTML of a text, within the budget, before {@link HtmlSanitizer} ({@link ConvertedAsciidoc} keeps it). */
    static String convert(String asciidoc) {
        return withinBudget(Budget.start(), asciidoctor -> asciidoctor.convert(asciidoc, options().build()));
    }

    /**
     * Starts the budget of a build: from now on, every conversion also counts against
     * {@link #buildBudget()}, until the next build starts. Builds run one at a time (serve
     * rebuilds after the previous build).
     */
    public static void startBuild() {
        buildLimit = buildBudget().toNanos();
        BUILD_SPENT.set(0);
    }

    /**
     * The time all documents of a build may take together: {@value #DEFAULT_BUILD_BUDGET_MINUTES}
     * minutes unless the system property {@value #BUILD_BUDGET_PROPERTY} says otherwise.
     *
     * @throws IllegalArgumentException when the property is not a positive ISO-8601 duration
     */
    public static Duration buildBudget() {
        return duration(BUILD_BUDGET_PROPERTY, Duration.ofMinutes(DEFAULT_BUILD_BUDGET_MINUTES), "PT10M");
    }

    /**
     * The time a document may take: {@value #DEFAULT_BUDGET_SECONDS} s unless the system property
     * {@value #BUDGET_PROPERTY} says otherwise (for tests; read at every document).
     *
     * @throws IllegalArgumentException when the property is not a positive ISO-8601 duration
     */
    public static Duration budget() {
        return duration(BUDGET_PROPERTY, Duration.ofSeconds(DEFAULT_BUDGET_SECONDS), "PT10S");
    }

    private static Duration duration(String property, Duration otherwise, String example) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            Duration budget = Duration.parse(value.trim());
            if (!budget.isNegative() && !budget.isZero()) {
                return budget;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + property + "=" + value
                + " is not a positive ISO-8601 duration; expected e.g. " + example);
    }

    /**
     * The time budget of one document, shared by its conversions (a content page has two: its
     * header, then its body). What counts is the CPU time of the worker threads that convert it,
     * not the wall time: on a busy machine a conversion may wait for a core, or for the garbage
     * collector, for seconds (measured: 6 s for a three-line description while seven builds ran on
     * two cores), and that must not fail a normal build. Pathological markup burns CPU and is
     * stopped at the budget. Should a conversion wait without computing, the wall time also has a
     * bound, ten times the budget and at least a minute. Where the JVM cannot measure a thread's
     * CPU time, the wall time of the conversions counts instead.
     */
    static final class Budget {
        private final Duration limit;
        private final long wallDeadline;
        private long spent;

        Budget(Duration limit, Duration wallLimit) {
            this.limit = limit;
            this.wallDeadline = System.nanoTime() + wallLimit.toNanos();
        }

        /** A new document's budget, from {@link #budget()}. */
        static Budget start() {
            Duration limit = budget();
            Duration wall = limit.multipliedBy(10);
            return new Budget(limit, wall.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : wall);
        }

        Duration limit() {
            return limit;
        }

        boolean exceeded(long running) {
            return spent + running >= limit.toNanos() || System.nanoTime() - wallDeadline >= 0
                    || buildExceeded(running);
        }

        /** Whether the whole build, with this conversion's {@code running} time, is over its budget. */
        static boolean buildExceeded(long running) {
            return BUILD_SPENT.get() + running >= buildLimit;
        }

        void spend(long nanos) {
            spent += nanos;
            BUILD_SPENT.addAndGet(nanos);
        }
    }

    /** How often a waiting caller looks at the time its conversion has used. */
    private static final long POLL_MILLIS = 20;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeSupported()
            && THREADS.isThreadCpuTimeEnabled();

    /**
     * Runs {@code conversion} with the shared Asciidoctor on a worker thread and returns its result,
     * or stops it when the document's budget is used up. The warm-up of JRuby happens before and
     * is not counted. Whatever the conversion throws is rethrown as it was.
     *
     * @throws AsciidocTimeoutException when the budget is used up first
     */
    static <T> T withinBudget(Budget budget, Function<Asciidoctor, T> conversion) {
        Asciidoctor asciidoctor = get();
        Job<T> job = new Job<>(asciidoctor, conversion);
        WORKERS.execute(job);
        try {
            while (true) {
                try {
                    T result = job.result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    budget.spend(job.used());
                    return result;
                } catch (TimeoutException e) {
                    long used = job.used();
                    if (budget.exceeded(used)) {
                        job.stop();
                        budget.spend(used);
                        throw Budget.buildExceeded(0) ? AsciidocTimeoutException.wholeBuild(Duration.ofNanos(buildLimit))
                                : new AsciidocTimeoutException(budget.limit());
                    }
                }
            }
        } catch (InterruptedException e) {
            job.stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting AsciiDoc", e);
        } catch (ExecutionException e) {
            budget.spend(job.used());
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Thrown by a worker that was stopped, to end its thread instead of going back to the pool. */
    private static final class Retired extends RuntimeException {
        Retired() {
            super("stopped AsciiDoc worker retired", null, false, false);
        }
    }

    /** One conversion on a worker, which the waiting thread can stop. */
    private static final class Job<T> implements Runnable {
        private final Asciidoctor asciidoctor;
        private final Function<Asciidoctor, T> conversion;
        final CompletableFuture<T> result = new CompletableFuture<>();
        /** The worker, its CPU (or wall) time when the conversion started, and the time it took once done. */
        private volatile Thread worker;
        private volatile long started;
        private volatile long took = -1;
        /** Guarded by this. */
        private RubyThread rubyThread;
        private boolean running;
        private boolean stopped;

        Job(Asciidoctor asciidoctor, Function<Asciidoctor, T> conversion) {
            this.asciidoctor = asciidoctor;
            this.conversion = conversion;
        }

        @Override
        public void run() {
            try {
                RubyThread self = JRubyRuntimeContext.get(asciidoctor).getCurrentContext().getThread();
                boolean start;
                synchronized (this) {
                    start = !stopped;
                    if (start) {
                        rubyThread = self;
                        running = true;
                    }
                }
                if (start) {
                    started = now();
                    worker = Thread.currentThread();
                    T value;
                    try {
                        value = conversion.apply(asciidoctor);
                    } finally {
                        took = now() - started;
                    }
                    result.complete(value);
                }
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    running = false;
                }
            }
            synchronized (this) {
                if (stopped) {
                    // an exception raised into this thread may still be pending: never reuse it
                    throw new Retired();
                }
            }
        }

        /** The CPU time (or wall time) the conversion has used so far. */
        long used() {
            long done = took;
            if (done >= 0) {
                return done;
            }
            Thread thread = worker;
            if (thread == null) {
                return 0;
            }
            long now = CPU_TIME ? THREADS.getThreadCpuTime(thread.getId()) : System.nanoTime();
            return now < 0 ? 0 : Math.max(0, now - started);
        }

        private static long now() {
            return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        }

        /**
         * Stops the conversion as Ruby's Timeout does: raises Interrupt (not a StandardError, so no
         * {@code rescue} of Asciidoctor swallows it) into the worker's Ruby thread; that also
         * interrupts the Java thread, which stops a regular expression being matched.
         */
        synchronized void stop() {
            stopped = true;
            if (running) {
                Ruby ruby = JRubyRuntimeContext.get(asciidoctor);
                rubyThread.raise(ruby.getInterrupt().newInstance(ruby.getCurrentContext(),
                        ruby.newString("AsciiDoc conversion over its time budget"), Block.NULL_BLOCK));
            }
        }
    }
}
