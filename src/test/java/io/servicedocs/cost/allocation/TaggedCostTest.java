package io.servicedocs.cost.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.CostFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.cost.ledger.PoolShare;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Money;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Costs fetched or imported with a tag key: a product claims the part of the shared cluster
 * account tagged with its name, the pool keeps the rest; a tag no one claims falls back to the
 * account's owner, and a tagged line of an account no one claims is unallocated with its tag. The
 * same holds for any provider's billing unit, e.g. an Azure subscription imported by tag.
 */
class TaggedCostTest {

    private static final YearMonth SEP = YearMonth.of(2026, 9);

    @TempDir
    Path dir;

    private ValidationResult validate(Path repo) throws IOException {
        return new Validation(new SchemaValidator(), TestRepositories.AS_OF).run(new WorkingTreeSource(repo));
    }

    private Path repository() throws IOException {
        Path repo = CostFixture.repository(dir);
        Path alpha = repo.resolve("products/alpha/service-doc.yaml");
        Files.writeString(alpha, Files.readString(alpha)
                + "  - provider: aws\n    id: \"333333333333\"\n    tag: alpha\n    name: alpha's part of the cluster\n");
        CostFixture.write(repo, "cost-data/aws/2026-09.yaml", CostFixture.AWS_2026_09
                .replace("""
                          - element: {provider: aws, id: "333333333333", name: shared-cluster}
                            amount: 400.00
                        """, """
                          - element: {provider: aws, id: "333333333333", name: shared-cluster}
                            tag: alpha
                            amount: 100.00
                            currency: USD
                          - element: {provider: aws, id: "333333333333", name: shared-cluster}
                            tag: ""
                            amount: 300.00
                        """)
                .replace("""
                          - element: {provider: aws, id: "999999999999", name: sandbox}
                            amount: 5.00
                        """, """
                          - element: {provider: aws, id: "999999999999", name: sandbox}
                            tag: experiments
                            amount: 5.00
                        """));
        return repo;
    }

    @Test
    void theTaggedPartGoesToItsClaimantAndTheRestToTheAccountsOwner() throws IOException {
        ValidationResult result = validate(repository());
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        CostReport report = CostAllocation.compute(result.repository().orElseThrow()).orElseThrow();

        // alpha: its own USD 1,500 - 1,200 prepaid + the USD 100 tagged 'alpha', at 150
        var alpha = report.product("alpha").orElseThrow().month(SEP).orElseThrow();
        assertEquals(Money.of("60000", "JPY"), alpha.directCost());
        // the cluster pool keeps the untagged USD 300 = JPY 45,000, split 3:1 by usage
        Map<String, Long> cluster = report.pools().stream().filter(p -> p.pool().id().equals("cluster")).findFirst()
                .orElseThrow().splits().get(0).shares().stream()
                .collect(Collectors.toMap(PoolShare::productId, s -> s.amount().amount().longValueExact()));
        assertEquals(Map.of("alpha", 33_750L, "beta-svc", 11_250L), cluster);
        assertTrue(report.totals().stream().allMatch(t -> t.balanced()));

        UnallocatedCost sandbox = report.unallocated().get(0);
        assertEquals(Optional.of("experiments"), sandbox.tag());
        Diagnostic warning = result.diagnostics().stream().filter(d -> d.rule().equals("cost-unallocated")).findFirst()
                .orElseThrow();
        assertTrue(warning.message().startsWith("aws cost element '999999999999' (sandbox) tagged 'experiments' is "
                + "claimed by no product"), warning.message());
    }

    @Test
    void aSubscriptionImportedByTagIsDividedTheSameWay() throws IOException {
        Path repo = repository();
        Path beta = repo.resolve("products/beta-svc/service-doc.yaml");
        String subscription = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
        Files.writeString(beta, Files.readString(beta)
                + "  - provider: azure\n    id: \"" + subscription + "\"\n    tag: beta-svc\n");
        CostFixture.write(repo, "cost-data/azure/2026-09.yaml", """
                source: azure
                month: "2026-09"
                status: final
                basis: FOCUS 1.2 EffectiveCost
                retrieved: 2026-10-05T03:00:00Z
                origin: focus-september.csv by tag key 'product'
                costs:
                  - element: {provider: azure, id: "%1$s", name: Contoso Shared}
                    tag: ""
                    amount: 2.00
                    currency: USD
                  - element: {provider: azure, id: "%1$s", name: Contoso Shared}
                    tag: beta-svc
                    amount: 10.00
                    currency: USD
                """.formatted(subscription));
        ValidationResult result = validate(repo);
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        CostReport report = CostAllocation.compute(result.repository().orElseThrow()).orElseThrow();

        // beta-svc: its own AWS USD 100.10 and the Azure USD 10 tagged 'beta-svc', at 150
        var betaSvc = report.product("beta-svc").orElseThrow().month(SEP).orElseThrow();
        assertEquals(Money.of("16515", "JPY"), betaSvc.directCost());
        // nobody claims the whole subscription: its untagged USD 2 is unallocated, with its tag
        List<UnallocatedCost> azure = report.unallocated().stream()
                .filter(u -> u.element().provider() == io.servicedocs.model.CostElement.Provider.AZURE).toList();
        assertEquals(1, azure.size(), report.unallocated().toString());
        assertEquals(Optional.of(""), azure.get(0).tag());
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.rule().equals("cost-unallocated")
                        && d.message().startsWith("azure cost element '" + subscription + "' (Contoso Shared) tagged '' "
                        + "is claimed by no product")), result.diagnostics().toString());
    }
}
