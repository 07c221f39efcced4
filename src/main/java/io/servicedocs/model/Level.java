package io.servicedocs.model;

/** One level of a quality item: its number (0..N), a short title and checkable criteria. */
public record Level(int level, String title, String criteria) {
}
