package io.servicedocs.site.view;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the site shows of a product. The product page and the matrices print it, and
 * api/products.json exports the very same record, so the two never disagree: the components are
 * the JSON keys in order (snake_case), an empty {@code Optional} is a JSON null. Values are
 * language-neutral (ids, codes, ISO dates); templates translate them. Lookup tables for the
 * templates are marked {@link JsonIgnore}: they repeat what the exported lists hold.
 *
 * @param dataStores since 1.3 of the export: where the product keeps data
 * @param tags since 1.3 of the export: the product's tags, as the standard's conditions name them
 * @param teamName the team's display name of standards/teams.yaml, or its id when the file does not declare it
 * @param overduePlans the quality items whose plan is past its due date
 * @param overdueCheckPlans since 1.3 of the export: the security checks whose plan (met by a date)
 *                          is past its due date while they are still answered no
 * @param cost the cost summary of the latest final month
 * @param securityById the checks of {@code security} by check id
 */
public record ProductView(String id, String name, String summary, Optional<String> descriptionHtml,
                          Optional<String> tier, String team, String teamName, OwnersView owners, UsersView users, LinksView links,
                          List<SloView> slos, DependenciesView dependencies, List<DataStoreView> dataStores,
                          List<String> tags, List<CostElementView> costElements,
                          Optional<DemandMetricView> demandMetric, PhaseView phase, FitView current,
                          Optional<FitView> next, boolean readyForNext, AssessmentView assessment,
                          List<WaiverView> waivers, List<String> overduePlans, List<String> overdueCheckPlans,
                          List<CheckView> security,
                          Optional<CostSummary> cost,
                          @JsonIgnore Map<String, CheckView> securityById) {

    public record PersonView(String name, Optional<String> email, Optional<String> role) {
    }

    public record OwnersView(String team, PersonView productManager, PersonView techLead, List<PersonView> contacts,
                             Optional<String> chat) {
    }

    /** @param audience a code: internal, external, ... */
    public record UsersView(String audience, String description) {
    }

    public record LinkView(String title, String url) {
    }

    public record LinksView(String repository, Optional<String> runbook, List<LinkView> dashboards,
                            Optional<String> statusPage, Optional<String> onCall, Optional<String> documentation) {
    }

    /**
     * @param type availability or latency
     * @param met empty when nothing was measured
     */
    public record SloView(String id, String title, String type, String targetPercent, Optional<String> targetMs,
                          Optional<String> percentile, String sli, Optional<String> window,
                          Optional<MeasurementView> measured, Optional<Boolean> met,
                          // SLOs measured (issue 16): the latest final month's error budget left and every month measured
                          Optional<String> latestFinalMonth, Optional<String> errorBudgetLeftPercent,
                          List<SloViews.SloMonthView> months) {
    }

    public record MeasurementView(String value, String from, String to) {
    }

    public record DependenciesView(List<ProductDependencyView> products, List<ExternalDependencyView> external) {
    }

    /** @param name the product's name, or its id when no such product exists */
    public record ProductDependencyView(String id, String name, String purpose, boolean critical) {
    }

    public record ExternalDependencyView(String name, String purpose, Optional<String> statusPage, boolean critical) {
    }

    /** @param personalData empty when the Service Doc does not say */
    public record DataStoreView(String id, String kind, Optional<String> description, Optional<Boolean> personalData) {
    }

    /** @param provider a code: aws, gcp, saas, ... */
    /** A claimed cost element; {@code billingAccount}: a whole billing account, billed without sub-account (issue 14). */
    public record CostElementView(String provider, String id, Optional<String> name, Optional<String> vendor,
                                  Optional<String> tag, boolean billingAccount) {
    }

    public record DemandMetricView(String name, String unit) {
    }

    public record PhaseView(String id, String name, String since, Optional<TargetView> target) {
    }

    /** @param overdue the date has passed and the product has not moved */
    public record TargetView(String phase, String phaseName, String date, boolean overdue) {
    }

    public record AssessmentView(String assessedOn, String assessedBy, boolean stale) {
    }

    /** @param status valid, expiring or expired */
    public record WaiverView(String item, String phase, String reason, String approvedBy, Optional<String> approvedOn,
                             String expires, String status) {
    }

    /**
     * A security check against the product's current phase.
     *
     * @param title the check's title in the checklist
     * @param displayTitle the title as lists and headers show it: with the category's title when
     *                     another check has the same title
     * @param status passed, not-applicable, waived, failed or not-required
     * @param answer yes, no or not-applicable; empty when not answered
     * @param plan the answer's plan, which reads "met by DATE" as a binary item's (target level 1)
     * @param waivers every waiver of the check in security.yaml (any phase), with its state
     * @param failedNext the check fails the product's next phase
     * @param displayStatus the status as the matrix shows it: the status, except that a failed
     *                      check with a plan reads planned
     */
    public record CheckView(String id, String title, String displayTitle, String category, boolean required,
                            String status, Optional<String> answer, Optional<String> reason, List<LinkView> evidence,
                            Optional<String> note, Optional<FitView.PlanView> plan, List<CheckWaiverView> waivers,
                            @JsonIgnore boolean failedNext, @JsonIgnore String displayStatus) {
    }

    /** A waiver of one security check. @param status valid, expiring or expired */
    public record CheckWaiverView(String phase, String reason, String approvedBy, Optional<String> approvedOn,
                                  String expires, String status) {
    }
}
