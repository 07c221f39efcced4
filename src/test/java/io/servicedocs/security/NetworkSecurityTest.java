package io.servicedocs.security;

import static io.servicedocs.security.AttackRepository.assertNoSecretIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cost.aws.TestCredentials;
import io.servicedocs.cli.CliAccess;
import io.servicedocs.cost.aws.FakeCostExplorer;
import io.servicedocs.net.SlowHttpServer;
import io.servicedocs.net.SlowHttpServer.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9, "network calls are bounded in time": {@code costs fetch} run in-process against
 * servers on loopback that accept the connection and then never answer, never finish their
 * headers, or trickle their body a byte a second. The run ends by its deadline (or a timeout)
 * with a message that says what it was doing, how long, and which option raises the limit;
 * nothing in the repository changes; the request count printed includes the SDK's retries. The
 * time bounds are generous: they prove that a limit ended the run, they are no speed target.
 * Each test is stopped after two minutes, so that a missing limit fails instead of hanging.
 */
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class NetworkSecurityTest {

    /** The SDK's default chains read these, as a user's environment would set keys and region. */
    private static TestCredentials credentials;

    @TempDir
    Path dir;

    private AttackRepository repo;
    private SlowHttpServer slow;

    @BeforeAll
    static void credentials() {
        credentials = TestCredentials.install();
    }

    @AfterAll
    static void restore() {
        credentials.restore();
    }

    @BeforeEach
    void create() throws Exception {
        repo = AttackRepository.create(dir);
    }

    @AfterEach
    void close() {
        if (slow != null) {
            slow.close();
        }
        repo.close();
    }

    private CliAccess.Run fetch(String endpoint, String... more) {
        List<String> args = new ArrayList<>(List.of("costs", "fetch", "--repo", repo.root().toString(),
                "--as-of", AttackRepository.AS_OF.toString(), "--endpoint", endpoint, "--from", "2026-10",
                "--to", "2026-10"));
        args.addAll(List.of(more));
        return CliAccess.run(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aSlowServerIsLeftAtTheDeadlineAndNothingIsWritten(Mode mode) throws IOException {
        slow = new SlowHttpServer(mode);
        Map<String, String> before = tree(repo.root());
        long start = System.nanoTime();

        CliAccess.Run run = fetch(slow.endpoint().toString(), "--deadline", "PT2S");

        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().startsWith("servicedocs: Stopped at the deadline of 2 s (--deadline PT2S), after "),
                run.err());
        assertTrue(run.err().contains(", while waiting for Cost Explorer to answer HTTP request 1 (for page 1); "
                + "0 page(s) had arrived"), run.err());
        assertTrue(run.err().contains("Raise the deadline with --deadline"), run.err());
        assertTrue(run.err().endsWith("Nothing was written.\n"), run.err());
        assertEquals("1 request(s) to Cost Explorer (at most USD 0.01)\n", run.out());
        assertTrue(seconds < 20, "the deadline of 2 s ended the run, not the server: " + seconds + " s");
        assertEquals(1, slow.connections());
        assertEquals(before, tree(repo.root()), "the repository is unchanged");
        assertNoSecretIn(run);
    }

    @Test
    void aTrickledAnswerIsCutByTheRequestTimeoutAndEveryRetryIsCounted() throws IOException {
        slow = new SlowHttpServer(Mode.TRICKLED_BODY);
        Map<String, String> before = tree(repo.root());

        CliAccess.Run run = fetch(slow.endpoint().toString(), "--request-timeout", "1s", "--deadline", "PT1M");

        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().startsWith("servicedocs: Cost Explorer did not finish answering within the request "
                + "timeout of 1 s (--request-timeout PT1S)"), run.err());
        assertTrue(run.err().contains("Raise the limit with --request-timeout"), run.err());
        assertTrue(run.err().endsWith("Nothing was written.\n"), run.err());
        assertEquals(3, slow.connections(), "the SDK tried three times");
        assertEquals("3 request(s) to Cost Explorer (at most USD 0.03)\n", run.out());
        assertEquals(before, tree(repo.root()), "the repository is unchanged");
        assertNoSecretIn(run);
    }

    @Test
    void theRequestCountIncludesTheSdkRetries() {
        try (FakeCostExplorer fake = new FakeCostExplorer()) {
            fake.error(500, "InternalServerError", "try again").error(503, "ServiceUnavailable", "later")
                    .page("month-final.json");

            CliAccess.Run run = fetch(fake.endpoint().toString(), "--accept-final-changes");

            assertEquals(0, run.status(), run.err());
            assertEquals(3, fake.requests().size());
            assertTrue(run.out().endsWith("\n3 request(s) to Cost Explorer (at most USD 0.03)\n"), run.out());
            assertNoSecretIn(run);
        }
    }

    @Test
    void limitsThatAreNotDurationsAreUsageErrors() throws IOException {
        Map<String, String> before = tree(repo.root());

        CliAccess.Run zero = fetch("http://127.0.0.1:9", "--deadline", "0s");
        CliAccess.Run words = fetch("http://127.0.0.1:9", "--read-timeout", "forever");
        CliAccess.Run tooLong = fetch("http://127.0.0.1:9", "--connect-timeout", "P2D");

        assertEquals(2, zero.status());
        assertTrue(zero.err().contains("'0s' is out of range; expected more than zero and at most a day (PT24H)"),
                zero.err());
        assertEquals(2, words.status());
        assertTrue(words.err().contains("'forever' is not a duration; expected e.g. PT10M"), words.err());
        assertEquals(2, tooLong.status());
        assertTrue(tooLong.err().contains("'P2D' is out of range"), tooLong.err());
        assertEquals(before, tree(repo.root()));
    }

    /** Every file of the working tree (outside .git) and a digest of its bytes. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                Path relative = root.relativize(file);
                if (relative.startsWith(".git")) {
                    continue;
                }
                files.put(relative.toString(), Files.isRegularFile(file) ? sha256(Files.readAllBytes(file)) : "folder");
            }
        }
        assertTrue(files.keySet().stream().anyMatch(f -> f.startsWith("cost-data/aws/")), "the example has AWS months");
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
