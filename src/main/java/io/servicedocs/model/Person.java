package io.servicedocs.model;

import java.util.Optional;

public record Person(String name, Optional<String> email, Optional<String> role) {
}
