package io.servicedocs.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A time-boxed push to raise some quality items or security checks across a set of products:
 * standards/campaigns/&lt;id&gt;.yaml. Its goals are what the products in its scope should meet by
 * {@code due}; when it ends, its goals may become requirements of the standard.
 *
 * @param id the file's name without .yaml
 * @param path the file, relative to the repository root: warnings computed later (campaign-overdue) point into it
 * @param dueAt where {@code due} is written in the file
 * @param owner a team id of standards/teams.yaml, or free text (a person, a programme)
 */
public record Campaign(String id, String path, Position dueAt, String title, String why, String owner,
                       LocalDate start, LocalDate due, Scope scope, List<Goal> goals) {

    public static final String FOLDER = "standards/campaigns";

    public Campaign {
        goals = List.copyOf(goals);
        scope = scope == null ? Scope.EVERY_PRODUCT : scope;
    }

    /** Whether the campaign runs on {@code day}: from its start to its due date, both included. */
    public boolean activeOn(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(due);
    }

    /** Whether its due date has passed on {@code day}. */
    public boolean overdueOn(LocalDate day) {
        return day.isAfter(due);
    }

    /**
     * Which products the campaign is for: each list given narrows it (a product must match every
     * one); an empty list does not narrow. No lists at all: every product.
     */
    public record Scope(List<String> phases, List<String> tiers, List<String> teams, List<String> products) {

        public static final Scope EVERY_PRODUCT = new Scope(List.of(), List.of(), List.of(), List.of());

        public Scope {
            phases = phases == null ? List.of() : List.copyOf(phases);
            tiers = tiers == null ? List.of() : List.copyOf(tiers);
            teams = teams == null ? List.of() : List.copyOf(teams);
            products = products == null ? List.of() : List.copyOf(products);
        }

        /** Whether a product of this phase, tier and team (and id) is in scope. */
        public boolean includes(String product, String phase, Optional<String> tier, String team) {
            return (products.isEmpty() || products.contains(product)) && (phases.isEmpty() || phases.contains(phase))
                    && (tiers.isEmpty() || tier.filter(tiers::contains).isPresent())
                    && (teams.isEmpty() || teams.contains(team));
        }
    }

    /**
     * One goal: a quality item at or above a level ({@code level}, or {@code met: true} for a binary
     * item, which is level 1), or a security check answered yes. The schema allows exactly these shapes.
     */
    public record Goal(Optional<String> item, Optional<Integer> level, Optional<Boolean> met, Optional<String> check,
                       Optional<String> answer) {

        public Goal {
            item = item == null ? Optional.empty() : item;
            level = level == null ? Optional.empty() : level;
            met = met == null ? Optional.empty() : met;
            check = check == null ? Optional.empty() : check;
            answer = answer == null ? Optional.empty() : answer;
        }

        public static Goal itemAt(String item, int level) {
            return new Goal(Optional.of(item), Optional.of(level), Optional.empty(), Optional.empty(), Optional.empty());
        }

        public static Goal itemMet(String item) {
            return new Goal(Optional.of(item), Optional.empty(), Optional.of(true), Optional.empty(), Optional.empty());
        }

        public static Goal checkYes(String check) {
            return new Goal(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(check), Optional.of("yes"));
        }

        public boolean isCheck() {
            return check.isPresent();
        }

        /** The item's or check's id. */
        public String subject() {
            return item.or(() -> check).orElseThrow();
        }

        /** The level the item must reach: {@code level}, or 1 for {@code met: true}; 0 for a check. */
        public int requiredLevel() {
            return level.orElse(met.orElse(false) ? 1 : 0);
        }

        /** A key that tells goals apart: "item:runbooks>=3", "check:admin-mfa". */
        public String key() {
            return isCheck() ? "check:" + subject() : "item:" + subject() + ">=" + requiredLevel();
        }
    }
}
