package io.servicedocs.assess;

import io.servicedocs.model.Assessment.ItemAssessment;
import io.servicedocs.model.Campaign;
import io.servicedocs.model.Campaign.Goal;
import io.servicedocs.model.Product;
import io.servicedocs.model.SecurityAnswers.Answer;
import io.servicedocs.model.SecurityAnswers.CheckAnswer;
import io.servicedocs.model.Standard;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a campaign stands on a day: for each product in its scope, which goals it meets today; per
 * owner team, the same summed; and who is late (the due date has passed and a goal is unmet). A
 * goal that does not apply to a product (the item is not applicable to it, the check answered
 * not-applicable) is not one of that product's goals: it is neither met nor unmet.
 *
 * @param products the products in scope, by id
 * @param teams the owner teams of those products, by name
 */
public record CampaignProgress(Campaign campaign, LocalDate asOf, List<ProductPart> products, List<TeamPart> teams) {

    public CampaignProgress {
        products = List.copyOf(products);
        teams = List.copyOf(teams);
    }

    /** Where the campaign stands on a day, relative to its dates. */
    public enum Stage { UPCOMING, ACTIVE, DONE, LATE }

    /** One goal of one product. {@code current} is its level (0 when unanswered) or its check answer ("yes", "no", "none"). */
    public record GoalState(Goal goal, String title, boolean met, String current) {
    }

    /** One product's part: its goals that apply, met or not. */
    public record ProductPart(String product, String name, String team, String teamName, List<GoalState> goals,
                              boolean late) {

        public ProductPart {
            goals = List.copyOf(goals);
        }

        public int met() {
            return (int) goals.stream().filter(GoalState::met).count();
        }

        public int total() {
            return goals.size();
        }

        public boolean done() {
            return met() == total();
        }

        public List<GoalState> unmet() {
            return goals.stream().filter(g -> !g.met()).toList();
        }

        public Optional<GoalState> goal(Goal goal) {
            return goals.stream().filter(g -> g.goal().equals(goal)).findFirst();
        }
    }

    /** One owner team's products in the campaign, summed. */
    public record TeamPart(String team, String name, int products, int productsDone, int goalsMet, int goals, int late) {

        public int percent() {
            return goals == 0 ? 100 : goalsMet * 100 / goals;
        }
    }

    /** The campaign judged against the assessed products of {@code portfolio}. */
    public static CampaignProgress of(Campaign campaign, Portfolio portfolio) {
        Standard standard = portfolio.standard();
        LocalDate asOf = portfolio.asOf();
        List<ProductPart> parts = new ArrayList<>();
        for (ProductReadiness readiness : portfolio.products()) {
            Product product = readiness.product();
            String team = product.serviceDoc().owners().team();
            if (!campaign.scope().includes(product.id(), product.phase().phase(), product.serviceDoc().tier(), team)) {
                continue;
            }
            List<GoalState> goals = new ArrayList<>();
            for (Goal goal : campaign.goals()) {
                state(goal, readiness, standard).ifPresent(goals::add);
            }
            boolean late = campaign.overdueOn(asOf) && goals.stream().anyMatch(g -> !g.met());
            parts.add(new ProductPart(product.id(), product.serviceDoc().name(), team, portfolio.teamName(team), goals,
                    late));
        }
        parts.sort(Comparator.comparing(ProductPart::product));
        Map<String, List<ProductPart>> byTeam = new LinkedHashMap<>();
        parts.forEach(p -> byTeam.computeIfAbsent(p.team(), t -> new ArrayList<>()).add(p));
        List<TeamPart> teams = byTeam.entrySet().stream().map(e -> new TeamPart(e.getKey(),
                        portfolio.teamName(e.getKey()), e.getValue().size(),
                        (int) e.getValue().stream().filter(ProductPart::done).count(),
                        e.getValue().stream().mapToInt(ProductPart::met).sum(),
                        e.getValue().stream().mapToInt(ProductPart::total).sum(),
                        (int) e.getValue().stream().filter(ProductPart::late).count()))
                .sorted(Comparator.comparing(TeamPart::name, String.CASE_INSENSITIVE_ORDER).thenComparing(TeamPart::team))
                .toList();
        return new CampaignProgress(campaign, asOf, parts, teams);
    }

    /** Every campaign of a repository, in id order. */
    public static List<CampaignProgress> all(List<Campaign> campaigns, Portfolio portfolio) {
        return campaigns.stream().map(c -> of(c, portfolio)).toList();
    }

    /** A goal's state for a product, empty when it does not apply to the product. */
    private static Optional<GoalState> state(Goal goal, ProductReadiness readiness, Standard standard) {
        Product product = readiness.product();
        if (goal.isCheck()) {
            String id = goal.subject();
            Optional<Answer> answer = Optional.ofNullable(product.security().checks().get(id)).map(CheckAnswer::answer);
            if (answer.filter(a -> a == Answer.NOT_APPLICABLE).isPresent()) {
                return Optional.empty();
            }
            String title = standard.check(id).map(standard::checkDisplayTitle).orElse(id);
            return Optional.of(new GoalState(goal, title, answer.filter(a -> a == Answer.YES).isPresent(),
                    answer.map(a -> a == Answer.YES ? "yes" : "no").orElse("none")));
        }
        String id = goal.subject();
        boolean notApplicable = readiness.current().items().stream().filter(r -> r.item().id().equals(id))
                .findFirst().map(ItemResult::notApplicable)
                .orElseGet(() -> Optional.ofNullable(product.assessment().items().get(id))
                        .map(ItemAssessment::answeredNotApplicable).orElse(false));
        if (notApplicable) {
            return Optional.empty();
        }
        int level = Optional.ofNullable(product.assessment().items().get(id)).map(ItemAssessment::level).orElse(0);
        String title = standard.item(id).map(standard::itemDisplayTitle).orElse(id);
        return Optional.of(new GoalState(goal, title, level >= goal.requiredLevel(), Integer.toString(level)));
    }

    public Stage stage() {
        if (asOf.isBefore(campaign.start())) {
            return Stage.UPCOMING;
        }
        if (goalsMet() == goals()) {
            return Stage.DONE;
        }
        return campaign.overdueOn(asOf) ? Stage.LATE : Stage.ACTIVE;
    }

    /** Product x goal pairs met today. */
    public int goalsMet() {
        return products.stream().mapToInt(ProductPart::met).sum();
    }

    /** Product x goal pairs in the campaign. */
    public int goals() {
        return products.stream().mapToInt(ProductPart::total).sum();
    }

    public int percent() {
        return goals() == 0 ? 100 : goalsMet() * 100 / goals();
    }

    public int productsDone() {
        return (int) products.stream().filter(ProductPart::done).count();
    }

    /** Products past the due date with a goal unmet. */
    public List<ProductPart> late() {
        return products.stream().filter(ProductPart::late).toList();
    }

    /** Products with a goal unmet, late or not. */
    public List<ProductPart> unfinished() {
        return products.stream().filter(p -> !p.done()).toList();
    }

    public Optional<ProductPart> product(String id) {
        return products.stream().filter(p -> p.product().equals(id)).findFirst();
    }

    /** Whether the site's home and product pages show it: it has started and is not finished or is late. */
    public boolean shown() {
        return stage() == Stage.ACTIVE || stage() == Stage.LATE;
    }
}
