package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import backstage} on catalog files written in Backstage's entity format
 * (src/test/resources/backstage/catalog: a System with two Components, an API and a Resource in
 * one file; a Group, a User and a Location in another; Components with a name that is not an id,
 * the name of an existing product, an unmapped lifecycle, a user as owner and a duplicate name).
 */
class ImportBackstageCommandTest {

    private static final String CATALOG = "src/test/resources/backstage/catalog";
    private static final String PAYMENTS = CATALOG + "/payments/catalog-info.yaml";
    private static final String SHOP = CATALOG + "/shop/catalog-info.yml";
    private static final String ORG = CATALOG + "/org.yaml";

    @TempDir
    Path dir;

    private static CliRun importCatalog(Path repo, String... more) {
        List<String> args = new ArrayList<>(List.of("import", "backstage", "--repo", repo.toString(), "--as-of", "2026-11-24",
                "--lifecycle", "experimental=poc,production=ga,deprecated=sunset", "--team", "Finance_Team=finance"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static final String SKIPPED = "Skipped 11:\n"
            + "  " + ORG + ":1: group:default/platform-team: kind Group is not imported; only Component and System\n"
            + "  " + ORG + ":10: user:default/jane.doe: kind User is not imported; only Component and System\n"
            + "  " + ORG + ":17: location:default/acme-catalog: kind Location: its targets are not followed; "
            + "name those files or their folder\n"
            + "  " + PAYMENTS + ":54: component:default/payments-worker: tag 'c++' is not a valid Service Doc tag (a tag is "
            + "lowercase letters and digits, words joined by single hyphens); the product keeps it in the notes of service-doc.yaml\n"
            + "  " + PAYMENTS + ":69: api:default/payments-api-v1: kind API is not imported; only Component and System\n"
            + "  " + PAYMENTS + ":85: resource:default/payments-db: kind Resource is not imported; only Component and System\n"
            + "  " + SHOP + ":2: component:default/Legacy_Billing: name 'Legacy_Billing' is not a valid product id "
            + "(lowercase letters, digits and hyphens, starting with a letter, 2 to 63 characters); rename it in Backstage "
            + "or create the product with new-product\n"
            + "  " + SHOP + ":12: component:default/alpha: products/alpha exists, not overwritten\n"
            + "  " + SHOP + ":35: component:default/search: lifecycle 'beta-test' has no mapping; add it to --lifecycle, "
            + "e.g. beta-test=PHASE\n"
            + "  " + SHOP + ":44: component:default/reports: owner 'user:default/jane.doe' is a user, not a group; "
            + "give its team with --team jane.doe=TEAM\n"
            + "  " + SHOP + ":53: component:default/payments-worker: duplicate: 'payments-worker' was already read at "
            + PAYMENTS + ":54 (component:default/payments-worker)\n";

    @Test
    void createsAProductPerComponentAndSystemAndSaysWhyTheRestIsSkipped() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        byte[] alphaBefore = Files.readAllBytes(repo.resolve("products/alpha/service-doc.yaml"));

        CliRun run = importCatalog(repo, "--include-systems", "--pagerduty", "https://acme.pagerduty.com", CATALOG);

        assertEquals(0, run.status(), run.err());
        assertEquals("Created 4 product(s):\n"
                + "  products/payments-api/: phase ga, team platform-team (" + PAYMENTS + ":13, component:default/payments-api)\n"
                + "  products/payments-worker/: phase poc, team payments-team (" + PAYMENTS
                + ":54, component:default/payments-worker)\n"
                + "  products/ledger/: phase sunset, team finance (" + SHOP + ":22, component:finance/ledger)\n"
                + "  products/payments/: phase poc, team platform-team (" + PAYMENTS + ":3, system:default/payments)\n"
                + SKIPPED
                + "Next: fill in the TODO values in service-doc.yaml, assess every item in assessment.yaml, answer the "
                + "checks in security.yaml, then run 'servicedocs validate'.\n", run.out());
        assertEquals("", run.err());

        // the existing product is untouched, byte for byte
        assertArrayEquals(alphaBefore, Files.readAllBytes(repo.resolve("products/alpha/service-doc.yaml")));

        Path api = repo.resolve("products/payments-api");
        try (Stream<Path> files = Files.list(api)) {
            assertEquals(List.of("assessment.yaml", "finance.yaml", "phase.yaml", "security.yaml", "service-doc.yaml"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("""
                # yaml-language-server: $schema=../../schemas/service-doc.schema.json
                # What the product is, who owns it, its links, dependencies and cost elements (its SLOs go in slos.yaml, OpenSLO v1).
                # Imported from Backstage component:default/payments-api (%s:13) on 2026-11-24.
                # Backstage lifecycle 'production' -> phase ga.
                # Backstage type: service.
                # Backstage system: payments.
                # Not copied: pagerduty.com/integration-key (a secret for sending events).
                # Other Backstage annotations, not kept: backstage.io/techdocs-ref.
                # Link not kept (no place for it in the Service Doc): #payments https://acme.slack.com/archives/C0PAYMENTS
                id: payments-api
                name: "Payments API"
                summary: "Accepts payment requests from the web shop and the mobile apps, authorises them with the card acquirer and records every transaction."
                description: "Accepts payment requests from the web shop and the mobile apps, authorises them with the card acquirer and records every transaction. Refunds and chargebacks go through it too, so support agents use its admin endpoints every day."
                tier: tier-2
                owners:
                  team: platform-team
                  product_manager:
                    name: "TODO: product manager"
                  tech_lead:
                    name: "TODO: tech lead"
                users:
                  audience: internal
                  description: "TODO: who uses the product and what they rely on"
                links:
                  repository: "https://github.com/acme/payments-api/tree/main/"
                  runbook: "https://wiki.acme.example/payments/runbook"
                  dashboards:
                    - title: "Datadog dashboard"
                      url: "https://app.datadoghq.com/dashboard/abc-def-ghi/payments-api"
                    - title: "Latency dashboard"
                      url: "https://grafana.acme.example/d/payments-latency"
                  on_call: "https://acme.pagerduty.com/service-directory/PX1A2B3"
                  documentation: "https://docs.acme.example/payments-api"
                tags:
                  - "java"
                  - "payments"
                """.formatted(PAYMENTS), Files.readString(api.resolve("service-doc.yaml")));
        assertFalse(Files.readString(api.resolve("service-doc.yaml")).contains("0123456789abcdef"),
                "the PagerDuty integration key is a secret: never copied");
        assertEquals("# yaml-language-server: $schema=../../schemas/phase.schema.json\n"
                + "# The product's lifecycle phase. Changes need the review board's approval.\n"
                + "phase: ga\nsince: 2026-11-24\n", Files.readString(api.resolve("phase.yaml")));
        String assessment = Files.readString(api.resolve("assessment.yaml"));
        assertTrue(assessment.contains("  slo:  # Availability SLO\n    level: 0\n"), assessment);
        assertTrue(assessment.contains("  backup-restore:  # Backup and restore\n    level: 0\n"), assessment);
        assertFalse(assessment.contains("level: 1"), assessment);

        String worker = Files.readString(repo.resolve("products/payments-worker/service-doc.yaml"));
        assertTrue(worker.contains("# Backstage dependsOn, not a product here: resource:default/payments-db.\n"), worker);
        assertTrue(worker.contains("# Backstage has no source location for it: links.repository is a guess; replace it.\n"
                + "id: payments-worker\nname: \"payments-worker\"\n"
                + "summary: \"Settles the day's payments with the acquirer every night.\"\n"), worker);
        assertTrue(worker.contains("  team: payments-team\n"), "an owner without a kind is a group: its name is the team");
        assertTrue(worker.endsWith("links:\n  repository: \"https://github.com/your-org/payments-worker\"\n"
                + "dependencies:\n  products:\n    - id: payments-api\n"
                + "      purpose: \"Listed in Backstage spec.dependsOn (component:default/payments-api).\"\n"
                + "tags:\n  - \"java\"\n  - \"batch\"\n"), worker);
        // Backstage allows 'c++'; the Service Doc's tags do not: reported as skipped above and kept as a note
        assertTrue(worker.contains("# Backstage tags that are not valid Service Doc tags (a tag is lowercase letters and digits, words joined "
                + "by single hyphens): c++.\n"), worker);

        // the System: its components are its dependencies, its phase the earliest of theirs
        String system = Files.readString(repo.resolve("products/payments/service-doc.yaml"));
        assertTrue(system.endsWith("dependencies:\n  products:\n"
                + "    - id: payments-api\n      purpose: \"Component of this system in Backstage (component:default/payments-api).\"\n"
                + "    - id: payments-worker\n      purpose: \"Component of this system in Backstage (component:default/payments-worker).\"\n"),
                system);
        assertTrue(Files.readString(repo.resolve("products/payments/phase.yaml")).endsWith("phase: poc\nsince: 2026-11-24\n"));

        String ledger = Files.readString(repo.resolve("products/ledger/service-doc.yaml"));
        assertTrue(ledger.contains("# Other Backstage annotations, not kept: backstage.io/view-url.\n"), ledger);
        assertTrue(ledger.contains("name: \"General Ledger\"\nsummary: \"TODO: one sentence: what ledger does for whom.\"\n"),
                "no description: the summary is new-product's placeholder");
        assertTrue(ledger.contains("  team: finance\n"), "--team maps the owner's name");

        // the result validates: 0 errors; the placeholders are warnings (the minimal standard makes them errors in no phase)
        CliRun validation = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2026-11-24");
        assertEquals(0, validation.status(), validation.out());
        assertTrue(validation.out().endsWith("valid: 0 error(s), 13 warning(s); 6 product(s) fully loaded\n"), validation.out());
        assertEquals(13, validation.out().lines().filter(l -> l.endsWith("[placeholder]")).count(), validation.out());
    }

    @Test
    void saysWhichProductsTheStandardWillFailForTheirPlaceholders() throws IOException {
        // the example standard makes placeholders errors from beta on: a production component imported as ga has them
        Path repo = TestRepositories.exampleCopy(dir);
        CliRun run = CliRun.of("import", "backstage", "--repo", repo.toString(), "--as-of", "2026-11-24", "--dry-run",
                "--lifecycle", "experimental=poc,production=ga", CATALOG + "/payments");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Note: the standard makes TODO placeholders errors from phase beta on "
                + "(findings.placeholders_error_from); until their TODO values are filled in, validate reports errors for: "
                + "payments-api.\n"), run.out());
        assertFalse(Files.exists(repo.resolve("products/payments-api")));
    }

    @Test
    void catalogTextStaysDataInTheWrittenFiles() throws IOException {
        // a catalog is untrusted: its text must not add keys, comments or lines to the files written
        Path repo = TestRepositories.minimalCopy(dir);
        Path catalog = Files.writeString(dir.resolve("hostile.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: hostile
                  title: "Evil\\nphase: ga # \\"quoted\\""
                  description: "Line one\\n\\nid: other\\u2028# not a comment"
                  tags: ["a\\nid: injected"]
                  links:
                    - url: https://chat.example/x
                      title: "Chat\\nphase: ga"
                    - url: https://grafana.example/d/1
                      type: dashboard
                      title: "Board\\n  - evil: 1"
                spec:
                  type: service
                  lifecycle: production
                  owner: group:default/team-x
                  system: "payments\\n  injected: true"
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: hostile-two
                spec:
                  lifecycle: production
                  owner: "group:default/team-x\\nphase: ga"
                """);
        CliRun run = importCatalog(repo, catalog.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("  " + catalog + ":20: component:default/hostile-two: owner 'group:default/team-x "
                + "phase: ga' is not a valid team id; give its team with --team team-x phase: ga=TEAM\n"), run.out());
        String doc = Files.readString(repo.resolve("products/hostile/service-doc.yaml"));
        assertTrue(doc.contains("# Backstage system: payments injected: true.\n"
                + "# Backstage tags that are not valid Service Doc tags (a tag is lowercase letters and digits, words joined by single "
                + "hyphens): a id: injected.\n"
                + "# Backstage has no source location for it: links.repository is a guess; replace it.\n"
                + "# Link not kept (no place for it in the Service Doc): Chat phase: ga https://chat.example/x\n"
                + "id: hostile\n"
                + "name: \"Evil phase: ga # \\\"quoted\\\"\"\n"
                + "summary: \"Line one id: other # not a comment\"\n"), doc);
        assertTrue(doc.contains("  dashboards:\n    - title: \"Board\\n  - evil: 1\"\n"
                + "      url: \"https://grafana.example/d/1\"\n"), doc);
        CliRun validation = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2026-11-24");
        assertTrue(validation.out().endsWith("valid: 0 error(s), 3 warning(s); 3 product(s) fully loaded\n"), validation.out());
    }

    @Test
    void aDryRunPrintsThePlanAndWritesNothing() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        CliRun run = importCatalog(repo, "--dry-run", CATALOG);
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Would create 3 product(s):\n"
                + "  products/payments-api/: phase ga, team platform-team (" + PAYMENTS + ":13, component:default/payments-api)\n"), run.out());
        assertTrue(run.out().contains("Skipped 12:\n  " + ORG + ":1:"), run.out());
        assertTrue(run.out().contains("  " + PAYMENTS + ":3: system:default/payments: kind System is imported only with "
                + "--include-systems\n"), run.out());
        assertTrue(run.out().endsWith("Dry run: nothing was written.\n"), run.out());
        try (Stream<Path> products = Files.list(repo.resolve("products"))) {
            assertEquals(List.of("alpha", "beta-svc"), products.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void badYamlIsReportedAtItsLineAndNothingIsWritten() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        String bad = "src/test/resources/backstage/bad/catalog-info.yaml";
        CliRun run = importCatalog(repo, CATALOG, bad);
        assertEquals(1, run.status(), run.out());
        assertEquals("", run.out());
        // catalog files are untrusted: aliases are refused (they are how "YAML bombs" grow), as are duplicate keys
        assertEquals(bad + ":16:10: error: YAML alias '*team' is not supported; write the value out in full [yaml-alias]\n"
                + bad + ":22:3: error: duplicate key 'name'; it is already defined at line 21, column 3 [yaml-duplicate-key]\n"
                + "servicedocs: 2 catalog problem(s); nothing was written.\n", run.err());
        try (Stream<Path> products = Files.list(repo.resolve("products"))) {
            assertEquals(List.of("alpha", "beta-svc"), products.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void anUnknownPhaseOrTeamIdIsAUsageError() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        CliRun phase = CliRun.of("import", "backstage", "--repo", repo.toString(), "--lifecycle", "production=gaa", CATALOG);
        assertEquals(2, phase.status());
        assertEquals("servicedocs: --lifecycle production=gaa: unknown phase 'gaa'; did you mean 'ga'? "
                + "expected one of: poc, beta, ga, sunset\n", phase.err());
        CliRun team = CliRun.of("import", "backstage", "--repo", repo.toString(), "--lifecycle", "production=ga",
                "--team", "platform=Platform", CATALOG);
        assertEquals(2, team.status());
        assertTrue(team.err().startsWith("servicedocs: --team platform=Platform: 'Platform' is not a valid team id"), team.err());
        CliRun none = CliRun.of("import", "backstage", "--repo", repo.toString(), CATALOG);
        assertEquals(2, none.status());
        assertTrue(none.err().contains("Missing required option: '--lifecycle=LIFECYCLE=PHASE'"), none.err());
        try (Stream<Path> products = Files.list(repo.resolve("products"))) {
            assertEquals(2, products.count());
        }
    }
}
