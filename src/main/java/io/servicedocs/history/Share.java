package io.servicedocs.history;

/**
 * Requirements met out of requirements, as the site counts them: a gap covered by a valid waiver
 * counts as met.
 *
 * @param percent 0..100; 100 when nothing is required
 */
public record Share(int met, int requirements, double percent) {

    public static Share of(int met, int requirements) {
        return new Share(met, requirements, requirements == 0 ? 100.0 : met * 100.0 / requirements);
    }

    Share plus(Share other) {
        return of(met + other.met, requirements + other.requirements);
    }
}
