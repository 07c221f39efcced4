package io.servicedocs.history;

import java.util.Comparator;
import java.util.Objects;

/**
 * A move from one phase to the next. Its text is "from->to", as the CLI prints it and as
 * {@code history --format json} writes it as a key; transitions sort by that text, so the order
 * stays what it was when the text was the key.
 */
public record Transition(String from, String to) implements Comparable<Transition> {

    private static final Comparator<Transition> BY_TEXT = Comparator.comparing(Transition::toString);

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public int compareTo(Transition other) {
        return BY_TEXT.compare(this, other);
    }

    @Override
    public String toString() {
        return from + "->" + to;
    }
}
