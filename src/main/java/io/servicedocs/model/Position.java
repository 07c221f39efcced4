package io.servicedocs.model;

/** A place in a text file, 1-based line and column. */
public record Position(int line, int column) {

    public static final Position START = new Position(1, 1);

    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }
}
