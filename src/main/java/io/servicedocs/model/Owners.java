package io.servicedocs.model;

import java.util.List;
import java.util.Optional;

/** Who owns a product: the team, its product manager and tech lead, and other contacts. */
public record Owners(String team, Person productManager, Person techLead, List<Person> contacts,
                     Optional<String> chat) {

    public Owners {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
