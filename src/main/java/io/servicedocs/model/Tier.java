package io.servicedocs.model;

/** A criticality tier of the standard, e.g. 'tier-1' (critical). */
public record Tier(String id, String name, String description) {
}
