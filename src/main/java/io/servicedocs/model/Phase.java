package io.servicedocs.model;

/** A lifecycle phase of the standard, e.g. 'ga'. */
public record Phase(String id, String name, String description, String customerPromise) {
}
