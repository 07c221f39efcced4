package io.servicedocs.model;

import java.util.Optional;

/**
 * A place where a product keeps data (a database, a bucket, a cache). The kind is free text
 * ('postgresql', 's3', 'redis'): a company names its own technologies, and a standard's
 * conditions ask only whether a product has data stores at all.
 *
 * @param personalData true when the store holds personal data; empty when the Service Doc does not say
 */
public record DataStore(String id, String kind, Optional<String> description, Optional<Boolean> personalData) {

    public DataStore {
        description = description == null ? Optional.empty() : description;
        personalData = personalData == null ? Optional.empty() : personalData;
    }
}
