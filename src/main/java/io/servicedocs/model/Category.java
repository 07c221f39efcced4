package io.servicedocs.model;

import java.util.Optional;

/** A category of quality items or security checks, in display order. */
public record Category(String id, String title, Optional<String> description) {
}
