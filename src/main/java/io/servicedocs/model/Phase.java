package io.servicedocs.model;

/**
 * A lifecycle phase of the standard, e.g. 'ga'. A retirement phase (e.g. 'sunset') winds a
 * product down: it is never the next goal of a product unless chosen as its target.
 */
public record Phase(String id, String name, String description, String customerPromise, boolean retirement) {
}
