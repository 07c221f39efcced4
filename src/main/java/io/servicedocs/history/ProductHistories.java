package io.servicedocs.history;

import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The products' histories in the order the history read them, and looked up by product id: a
 * site of many products asks for each product's history once per page. Immutable; a list to
 * everyone else (the JSON of {@code history --format json} included).
 */
public final class ProductHistories extends AbstractList<ProductHistory> implements RandomAccess {

    private final List<ProductHistory> products;
    private final Map<String, ProductHistory> byId = new LinkedHashMap<>();

    public ProductHistories(List<ProductHistory> products) {
        this.products = List.copyOf(products);
        this.products.forEach(p -> byId.putIfAbsent(p.product(), p));
    }

    /** The history of the product with this id, the first one read if the id came twice. */
    public Optional<ProductHistory> product(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public ProductHistory get(int index) {
        return products.get(index);
    }

    @Override
    public int size() {
        return products.size();
    }
}
