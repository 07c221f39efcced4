package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.servicedocs.GitFixture;
import io.servicedocs.digest.DigestStory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code digest} run in-process on {@link DigestStory}'s branch; every expectation is computed by
 * hand from the story (see its comment). The week is 2026-11-23 to 2026-11-29, as of 2026-11-30.
 */
class DigestCommandTest {

    private static final String SITE = DigestStory.SITE;
    private static final String ALPHA = "[Alpha](" + SITE + "products/alpha.html) (`alpha`)";
    private static final String BETA = "[Beta service](" + SITE + "products/beta-svc.html) (`beta-svc`)";
    private static final String GAMMA = "[Gamma](" + SITE + "products/gamma.html) (`gamma`)";
    private static final String DELTA = "[Delta](" + SITE + "products/delta.html) (`delta`)";
    private static final String SLO = "[Availability SLO](" + SITE + "standard/items.html#slo) (`slo`)";
    private static final String BACKUP = "[Backup and restore](" + SITE + "standard/items.html#backup-restore) "
            + "(`backup-restore`)";

    static final String WEEK = """
            ## servicedocs digest: 2026-11-23 to 2026-11-29

            ### Changed

            **Promoted**
            - BETA: `beta` → `ga`, 2026-11-25

            **New products**
            - DELTA in `poc`, 2026-11-24

            **1 level improvement**
            - BETA: SLO 1 → 2

            **New gaps**
            - BETA in `ga`: BACKUP 0/1

            ### Needs attention

            **Plans overdue**
            - ALPHA: BACKUP, due 2026-11-27 (1 → 2)

            **Plans due within 14 days**
            - BETA: BACKUP, due 2026-12-10 (0 → 1)

            **Waivers expiring**
            - ALPHA: BACKUP in `ga`, expires 2026-12-20

            **Stale assessments**
            - GAMMA: assessed 2026-03-01, review was due 2026-09-01
            """.replace("ALPHA", ALPHA).replace("BETA", BETA).replace("GAMMA", GAMMA).replace("DELTA", DELTA)
            .replace("SLO", SLO).replace("BACKUP", BACKUP);

    @TempDir
    static Path dir;

    private static Path story;

    @BeforeAll
    static void writeTheStory() throws Exception {
        story = dir.resolve("story");
        try (GitFixture repo = DigestStory.write(story)) {
            // written and committed
        }
    }

    @Test
    void theWeekInMarkdown() {
        CliRun run = CliRun.of("digest", "--repo", story.toString(), "--as-of", "2026-11-30");
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        assertEquals(WEEK, run.out());
    }

    /** --since 2026-11-10 takes in gamma's promotion too; --since is the window's first day, included. */
    @Test
    void anEarlierSinceTakesInThePromotionBeforeTheWeek() {
        CliRun run = CliRun.of("digest", "--repo", story.toString(), "--as-of", "2026-11-30", "--since", "2026-11-10");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("## servicedocs digest: 2026-11-10 to 2026-11-29\n\n### Changed\n\n"
                + "**Promoted**\n- " + GAMMA + ": `poc` → `beta`, 2026-11-10\n- " + BETA + ": `beta` → `ga`, "
                + "2026-11-25\n\n**New products**\n"), run.out());
        CliRun after = CliRun.of("digest", "--repo", story.toString(), "--as-of", "2026-11-30", "--since", "2026-11-11");
        assertFalse(after.out().contains("`poc` → `beta`"), after.out());
    }

    /**
     * A step back and a move into a retirement phase, grouped apart; without base_url in
     * site.yaml (the minimal repository has no site.yaml) names are not linked.
     */
    @Test
    void demotionsAndRetirementsWithoutLinks() throws Exception {
        try (GitFixture repo = GitFixture.minimalOnMain(dir.resolve("moves"))) {
            repo.write("products/beta-svc/security.yaml", "checks:\n  mfa:\n    answer: \"no\"\n    plan:\n"
                    + "      due: 2026-12-01\n  pentest:\n    answer: not-applicable\n    reason: Internal tool.\n"
                    + "waivers:\n  - check: mfa\n    phase: beta\n    reason: Until the SSO migration.\n"
                    + "    approved_by: Review board\n    expires: 2026-12-05\n");
            repo.write("products/beta-svc/phase.yaml", "phase: poc\nsince: 2026-11-24\n");
            repo.commit("beta-svc: back to poc", "Dee", java.time.LocalDate.of(2026, 11, 24));
            repo.write("products/alpha/phase.yaml", "phase: sunset\nsince: 2026-11-25\n");
            repo.commit("alpha: sunset", "Bob", java.time.LocalDate.of(2026, 11, 25));
            CliRun run = CliRun.of("digest", "--repo", repo.root().toString(), "--as-of", "2026-11-30");
            assertEquals(0, run.status(), run.err());
            assertTrue(run.out().startsWith("## servicedocs digest: 2026-11-23 to 2026-11-29\n\n### Changed\n\n"
                    + "**Demoted**\n- Beta service (`beta-svc`): `beta` → `poc`, 2026-11-24\n\n"
                    + "**Retiring**\n- Alpha (`alpha`): `ga` → `sunset`, 2026-11-25\n"), run.out());
            assertFalse(run.out().contains("**Promoted**") || run.out().contains("http"), run.out());
            // a security check's plan and waiver are announced like an item's
            assertTrue(run.out().endsWith("\n**Plans due within 14 days**\n- Beta service (`beta-svc`): check "
                    + "MFA for admins (`mfa`), due 2026-12-01 (no → yes)\n\n**Waivers expiring**\n"
                    + "- Beta service (`beta-svc`): check MFA for admins (`mfa`) in `beta`, expires 2026-12-05\n"),
                    run.out());
        }
    }

    /**
     * What reached the branch in the week, whatever since says. On top of the story, one commit of
     * 2026-11-27:
     * <ul>
     * <li>gamma beta -&gt; ga with since 2026-11-20: decided before the week (2026-11-23), merged in
     * it; 7 days apart, within the history's tolerance (no warning). Dated by since alone it fell
     * in no weekly digest: not this one (before 11-23), not the last one (the commit was not there).</li>
     * <li>epsilon added in beta with since 2023-05-08: documented late; its start is 2023 but it
     * reached the branch this week, so it is new.</li>
     * <li>zeta added in ga with a declared history (poc 2025-01-06, poc -&gt; beta 2025-06-02,
     * beta -&gt; ga 2026-11-24): the declared promotion of 11-24 is in the week, but no commit
     * brought it; zeta is a new product, not a promotion.</li>
     * </ul>
     * Expected, by hand: Promoted beta-svc (since = commit = 11-25, one date) and gamma
     * ("since 2026-11-20 (merged 2026-11-27)"); new products delta (11-24, one date), epsilon
     * ("since 2023-05-08 (added 2026-11-27)"), zeta ("since 2026-11-24 (added 2026-11-27)").
     */
    @Test
    void theWindowIsWhenAChangeReachedTheBranchNotItsSince() throws Exception {
        Path other = dir.resolve("reached");
        try (GitFixture repo = DigestStory.write(other)) {
            repo.write("products/gamma/phase.yaml", "phase: ga\nsince: 2026-11-20\n");
            DigestStory.copyProduct(repo, "epsilon", "Epsilon", "phase: beta\nsince: 2023-05-08\n",
                    LocalDate.of(2026, 11, 20), "555555555555");
            DigestStory.copyProduct(repo, "zeta", "Zeta", """
                    phase: ga
                    since: 2026-11-24
                    history:
                      - {date: 2025-01-06, to: poc}
                      - {date: 2025-06-02, from: poc, to: beta}
                      - {date: 2026-11-24, from: beta, to: ga}
                    """, LocalDate.of(2026, 11, 20), "666666666666");
            repo.commit("gamma: ga; epsilon and zeta documented", "Eve", LocalDate.of(2026, 11, 27));
        }
        CliRun run = CliRun.of("digest", "--repo", other.toString(), "--as-of", "2026-11-30");
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        String epsilon = "[Epsilon](" + SITE + "products/epsilon.html) (`epsilon`)";
        String zeta = "[Zeta](" + SITE + "products/zeta.html) (`zeta`)";
        assertTrue(run.out().startsWith("## servicedocs digest: 2026-11-23 to 2026-11-29\n\n### Changed\n\n"
                + "**Promoted**\n- " + BETA + ": `beta` → `ga`, 2026-11-25\n- " + GAMMA + ": `beta` → `ga`, since "
                + "2026-11-20 (merged 2026-11-27)\n\n**New products**\n- " + DELTA + " in `poc`, 2026-11-24\n- "
                + epsilon + " in `beta`, since 2023-05-08 (added 2026-11-27)\n- " + zeta + " in `ga`, since "
                + "2026-11-24 (added 2026-11-27)\n\n**"), run.out());
        JsonNode json = JsonMapper.builder().build().readTree(CliRun.of("digest", "--repo", other.toString(),
                "--as-of", "2026-11-30", "--format", "json").out());
        assertEquals(2, json.at("/changed/phaseChanges").size());
        assertEquals("gamma 2026-11-27 2026-11-20", json.at("/changed/phaseChanges/1/product").asString() + " "
                + json.at("/changed/phaseChanges/1/date").asString() + " "
                + json.at("/changed/phaseChanges/1/since").asString());
        // the next week's digest does not report gamma's promotion again
        CliRun next = CliRun.of("digest", "--repo", other.toString(), "--as-of", "2026-12-07");
        assertFalse(next.out().contains("**Promoted**") || next.out().contains("**New products**"), next.out());
    }

    /**
     * As of 2026-11-09 the branch is its first commit: nothing changed in the week before, no
     * empty group is written, and only gamma's stale assessment needs attention (alpha's plan is
     * due after 14 days, its waiver expires after 30).
     */
    /**
     * Campaigns of standards/campaigns/ due by as-of + 14 days with products short of a goal: "slo
     * at 2 by 2026-12-05" leaves gamma and delta behind (both copied from beta-svc at SLO level 1;
     * alpha is at 2, beta-svc reached 2 on 2026-11-26); a campaign due in June is not due yet.
     */
    @Test
    void aCampaignDueWithProductsBehindIsListed() throws Exception {
        Path other = dir.resolve("campaigns");
        try (GitFixture repo = DigestStory.write(other)) {
            String campaign = "title: SLOs measured\nwhy: Every product measures its SLO.\nowner: Ann\nstart: 2026-11-01\ndue: DUE\ngoals:\n"
                    + "  - item: slo\n    level: 2\n";
            repo.write("standards/campaigns/slo-measured.yaml", campaign.replace("DUE", "2026-12-05"));
            repo.write("standards/campaigns/later.yaml", campaign.replace("DUE", "2027-06-30"));
            repo.commit("Campaigns", "Ann", LocalDate.of(2026, 11, 27));
        }
        CliRun run = CliRun.of("digest", "--repo", other.toString(), "--as-of", "2026-11-30");
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err()); // both campaigns are valid: a campaign with errors stays out of the digest
        assertTrue(run.out().contains("**Campaigns due**\n- SLOs measured (`slo-measured`), due 2026-12-05: "
                + "2 products behind (" + DELTA + ", " + GAMMA + ")\n"), run.out() + run.err());
        assertFalse(run.out().contains("`later`"), run.out());
    }

    @Test
    void nothingChanged() {
        CliRun run = CliRun.of("digest", "--repo", story.toString(), "--as-of", "2026-11-09");
        assertEquals(0, run.status(), run.err());
        assertEquals("""
                ## servicedocs digest: 2026-11-02 to 2026-11-08

                Nothing changed since 2026-11-02.

                ### Needs attention

                **Stale assessments**
                - GAMMA: assessed 2026-03-01, review was due 2026-09-01
                """.replace("GAMMA", GAMMA), run.out());
    }

    @Test
    void jsonKeepsItsFieldOrder() {
        CliRun run = CliRun.of("digest", "--repo", story.toString(), "--as-of", "2026-11-30", "--format", "json");
        assertEquals(0, run.status(), run.err());
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertEquals(List.of("since", "asOf", "head", "changed", "attention"), names(json));
        assertEquals(List.of("phaseChanges", "newProducts", "improvementCount", "improvements", "newGaps"),
                names(json.get("changed")));
        assertEquals(List.of("plans", "waivers", "staleAssessments", "campaigns"), names(json.get("attention")));
        assertEquals("2026-11-23", json.get("since").asString());
        assertEquals("2026-11-30", json.get("asOf").asString());
        assertTrue(json.get("head").asString().matches("[0-9a-f]{10}"), json.get("head").asString());
        JsonNode promotion = json.at("/changed/phaseChanges/0");
        assertEquals(List.of("product", "date", "since", "from", "to", "direction", "commit"), names(promotion));
        assertEquals("beta-svc 2026-11-25 beta ga PROMOTION", promotion.get("product").asString() + " "
                + promotion.get("date").asString() + " " + promotion.get("from").asString() + " "
                + promotion.get("to").asString() + " " + promotion.get("direction").asString());
        assertEquals(1, json.at("/changed/phaseChanges").size());
        assertEquals(1, json.at("/changed/improvementCount").asInt());
        assertEquals("{\"product\":\"beta-svc\",\"item\":\"slo\",\"from\":\"1\",\"to\":\"2\",\"date\":\"2026-11-26\"}",
                json.at("/changed/improvements/0").toString());
        assertEquals("{\"product\":\"beta-svc\",\"phase\":\"ga\",\"kind\":\"item\",\"id\":\"backup-restore\","
                + "\"gap\":\"0/1\"}", json.at("/changed/newGaps/0").toString());
        assertEquals("{\"product\":\"alpha\",\"kind\":\"item\",\"id\":\"backup-restore\",\"due\":\"2026-11-27\","
                + "\"overdue\":true,\"current\":\"1\",\"target\":\"2\"}", json.at("/attention/plans/0").toString());
        assertEquals(false, json.at("/attention/plans/1/overdue").asBoolean());
        assertEquals("{\"product\":\"alpha\",\"kind\":\"item\",\"id\":\"backup-restore\",\"phase\":\"ga\","
                + "\"expires\":\"2026-12-20\"}", json.at("/attention/waivers/0").toString());
        assertEquals("{\"product\":\"gamma\",\"assessedOn\":\"2026-03-01\",\"reviewDue\":\"2026-09-01\"}",
                json.at("/attention/staleAssessments/0").toString());
        assertEquals(0, json.at("/attention/campaigns").size());
    }

    /** The output conforms to schemas/digest.schema.json (closed objects: no field undocumented), dates checked. */
    @Test
    void jsonConformsToItsSchema() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        Schema schema = registry.getSchema(JsonMapper.builder().build().readTree(
                Files.readString(Path.of("schemas/digest.schema.json"))));
        schema.initializeValidators();
        for (String since : List.of("2026-11-23", "2026-09-01")) {
            CliRun run = CliRun.of("digest", "--repo", story.toString(), "--as-of", "2026-11-30", "--since", since,
                    "--format", "json");
            assertEquals(0, run.status(), run.err());
            JsonNode json = JsonMapper.builder().build().readTree(run.out());
            assertEquals(List.of(), schema.validate(json).stream().map(e -> e.getInstanceLocation() + ": "
                    + e.getMessage()).toList());
        }
        JsonNode broken = JsonMapper.builder().build().readTree(CliRun.of("digest", "--repo", story.toString(),
                "--as-of", "2026-11-30", "--format", "json").out());
        ((tools.jackson.databind.node.ObjectNode) broken.get("changed")).put("surprise", 1);
        assertEquals(1, schema.validate(broken).size(), "the schema is closed");
    }

    /**
     * alpha's plan for backup-restore is due 2026-11-27: announced from 14 days ahead, due (not
     * overdue) on its day, overdue in the week after it, then left to the site.
     */
    @Test
    void aPlanIsAnnouncedAheadThenOnceAsOverdue() {
        assertEquals(List.of(), alphaPlan("2026-11-12"));
        assertEquals(List.of("due"), alphaPlan("2026-11-13"));
        assertEquals(List.of("due"), alphaPlan("2026-11-27"));
        assertEquals(List.of("overdue"), alphaPlan("2026-11-28"));
        assertEquals(List.of("overdue"), alphaPlan("2026-12-04"));
        assertEquals(List.of(), alphaPlan("2026-12-05"));
    }

    private static List<String> alphaPlan(String asOf) {
        CliRun run = CliRun.of("digest", "--repo", story.toString(), "--as-of", asOf, "--format", "json");
        assertEquals(0, run.status(), run.err());
        List<String> states = new ArrayList<>();
        JsonMapper.builder().build().readTree(run.out()).at("/attention/plans").forEach(plan -> {
            if (plan.get("product").asString().equals("alpha")) {
                states.add(plan.get("overdue").asBoolean() ? "overdue" : "due");
            }
        });
        return states;
    }

    @Test
    void usageProblemsExitTwo() {
        CliRun format = CliRun.of("digest", "--repo", story.toString(), "--format", "html");
        assertEquals(2, format.status());
        assertEquals("servicedocs: 'html' is not a format; expected markdown or json", format.err().strip());
        CliRun since = CliRun.of("digest", "--repo", story.toString(), "--as-of", "2026-11-30", "--since", "2026-11-30");
        assertEquals(2, since.status());
        assertEquals("servicedocs: --since 2026-11-30 must be before --as-of 2026-11-30", since.err().strip());
        CliRun before = CliRun.of("digest", "--repo", story.toString(), "--as-of", "2026-08-01");
        assertEquals(2, before.status());
        assertEquals("servicedocs: no commit of main, origin/main, HEAD is dated on or before 2026-08-01 (--as-of)",
                before.err().strip());
    }

    // ---- posting ------------------------------------------------------------------------------

    private static final String SECRET_PATH = "/hooks/T000SECRET/B000SECRET";

    private record Received(String contentType, String body) {
    }

    /** A chat webhook on loopback answering each request with the next status (the last one repeats). */
    private static HttpServer webhook(List<Received> received, int... statuses) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Iterator<Integer> answers = java.util.Arrays.stream(statuses).boxed().toList().iterator();
        int[] last = {statuses[statuses.length - 1]};
        server.createContext(SECRET_PATH, exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            int status = answers.hasNext() ? answers.next() : last[0];
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String address(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH;
    }

    /** The command line with {@code environment} as the process's environment. */
    private static CliRun withEnvironment(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == DigestCommand.class
                        ? type.cast(new DigestCommand(name -> Optional.ofNullable(environment.get(name))))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), factory);
        return new CliRun(status, out.toString(), err.toString());
    }

    @Test
    void postsTheMarkdownToTheWebhookInTheVariable() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer server = webhook(received, 200);
        try {
            String url = address(server);
            CliRun run = withEnvironment(Map.of("SERVICEDOCS_DIGEST_WEBHOOK", url), "digest", "--repo",
                    story.toString(), "--as-of", "2026-11-30", "--post-to-env", "SERVICEDOCS_DIGEST_WEBHOOK");
            assertEquals(0, run.status(), run.err());
            assertEquals(WEEK, run.out());
            assertEquals("servicedocs: posted the digest to the webhook in SERVICEDOCS_DIGEST_WEBHOOK (HTTP 200)\n",
                    run.err());
            assertEquals(1, received.size());
            assertEquals("application/json; charset=utf-8", received.get(0).contentType());
            assertEquals(JsonMapper.builder().build().writeValueAsString(Map.of("text", WEEK)), received.get(0).body());
            assertFalse(run.out().contains("SECRET") || run.err().contains("SECRET"));
        } finally {
            server.stop(0);
        }
    }

    /** A refused post exits 1 with the status, and neither output shows the secret address. */
    @Test
    void aRefusedPostExitsOneWithoutTheAddress() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer server = webhook(received, 403);
        try {
            CliRun run = withEnvironment(Map.of("HOOK", address(server)), "digest", "--repo", story.toString(),
                    "--as-of", "2026-11-30", "--post-to-env", "HOOK");
            assertEquals(1, run.status(), run.err());
            assertEquals("servicedocs: the digest was not posted: the webhook answered 403\n", run.err());
            assertEquals(1, received.size());
            assertFalse(run.out().contains("SECRET") || run.err().contains("SECRET") || run.err().contains("127.0.0.1"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMissingOrUnusableVariableIsAUsageProblem() {
        CliRun missing = withEnvironment(Map.of(), "digest", "--repo", story.toString(), "--post-to-env", "HOOK");
        assertEquals(2, missing.status());
        assertEquals("servicedocs: the environment variable HOOK is not set; it must hold the chat webhook's URL",
                missing.err().strip());
        assertEquals("", missing.out());
        CliRun plain = withEnvironment(Map.of("HOOK", "http://chat.example.com" + SECRET_PATH), "digest", "--repo",
                story.toString(), "--post-to-env", "HOOK");
        assertEquals(2, plain.status());
        assertEquals("servicedocs: the environment variable HOOK must hold an https:// URL (http:// only for a "
                + "loopback address)", plain.err().strip());
        assertFalse(plain.err().contains("SECRET"));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
