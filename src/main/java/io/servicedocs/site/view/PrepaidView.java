package io.servicedocs.site.view;

import java.util.Optional;

/**
 * A prepaid amount spread over its term. {@code ownedByProduct}: its owner is a product (linked
 * to the product's page), else a shared pool (linked to the pool on the costs page).
 */
public record PrepaidView(String id, String name, boolean ownedByProduct, String owner, String ownerName,
                          Amount amount, int termMonths, String firstMonth, String lastMonth,
                          Optional<String> bookedMonth, Optional<Amount> monthly, Optional<Amount> firstPart) {
}
