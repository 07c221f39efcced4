package io.servicedocs.model;

/** A titled link, e.g. a piece of evidence or a dashboard. */
public record Link(String title, String url) {
}
