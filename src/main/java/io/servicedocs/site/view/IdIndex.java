package io.servicedocs.site.view;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * An unmodifiable map from id to element over the element list itself, in the list's order, for
 * the per-product lookup tables of the views (a product's items and checks by id): the site keeps
 * them for every product through the render, and a LinkedHashMap of 40 entries costs five times
 * the list (issue 15: memory at 5,000 products). Lookups compare the ids of the list, so they
 * scan it; the lists are a standard's items or checks, a few dozen (a longer list gets a hash map). Iteration keeps the list's
 * order, as a LinkedHashMap's did (the build cache digests page models in iteration order).
 * When ids repeat, the last element wins for a lookup and each id is iterated once, at its first place.
 */
final class IdIndex<T> extends AbstractMap<String, T> {

    /** The longest list scanned: a longer one (a standard of hundreds of items) is a hash map, as before. */
    static final int MOST = 48;

    private final List<T> elements;
    private final String[] ids;

    private IdIndex(List<T> elements, String[] ids) {
        this.elements = elements;
        this.ids = ids;
    }

    /** The elements by id; {@code elements} must not change afterwards (the views' lists are immutable). */
    static <T> Map<String, T> of(List<T> elements, Function<T, String> id) {
        if (elements.size() > MOST) {
            return Views.byId(elements, id); // a long list: hashed, so that lookups do not scan it
        }
        String[] ids = new String[elements.size()];
        boolean unique = true;
        for (int i = 0; i < ids.length; i++) {
            ids[i] = id.apply(elements.get(i));
            for (int j = 0; j < i && unique; j++) {
                unique = !ids[j].equals(ids[i]);
            }
        }
        if (!unique) {
            return Views.byId(elements, id); // never for valid data: keep the map's rules exactly
        }
        return new IdIndex<>(elements, ids);
    }

    @Override
    public T get(Object key) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(key)) {
                return elements.get(i);
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (String id : ids) {
            if (id.equals(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public Set<Entry<String, T>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, T>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < ids.length;
                    }

                    @Override
                    public Entry<String, T> next() {
                        if (next >= ids.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, T> entry = new SimpleImmutableEntry<>(ids[next], elements.get(next));
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return ids.length;
            }
        };
    }
}
