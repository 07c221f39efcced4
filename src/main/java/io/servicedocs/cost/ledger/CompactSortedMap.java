package io.servicedocs.cost.ledger;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An unmodifiable sorted map over two arrays, for the small maps the cost report keeps for every
 * product and month (direct cost by provider, the trailing averages): an unmodifiable TreeMap
 * costs a wrapper, the tree, an entry of 40 bytes per key and the key set once asked for, all
 * kept through the render (issue 15: memory at 5,000 products). Keys in their natural order, as
 * the TreeMaps these replace; lookups are binary searches; the rarely used views (sub-, head- and
 * tail-maps) are made as TreeMaps when asked for.
 */
public final class CompactSortedMap<K extends Comparable<? super K>, V> extends AbstractMap<K, V>
        implements SortedMap<K, V> {

    private final Object[] keys;
    private final Object[] values;

    private CompactSortedMap(Object[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** The same entries, sorted by key; {@code map} may be any map with non-null keys (as a TreeMap's). */
    public static <K extends Comparable<? super K>, V> SortedMap<K, V> copyOf(Map<K, V> map) {
        SortedMap<K, V> sorted = map instanceof SortedMap<K, V> s && s.comparator() == null ? s : new TreeMap<>(map);
        Object[] keys = new Object[sorted.size()];
        Object[] values = new Object[sorted.size()];
        int i = 0;
        for (Map.Entry<K, V> entry : sorted.entrySet()) {
            keys[i] = java.util.Objects.requireNonNull(entry.getKey(), "key");
            values[i] = entry.getValue();
            i++;
        }
        return new CompactSortedMap<>(keys, values);
    }

    @SuppressWarnings("unchecked")
    private int indexOf(Object key) {
        if (key == null || keys.length == 0 || !keys[0].getClass().isInstance(key)) {
            return -1;
        }
        return Arrays.binarySearch(keys, key, (a, b) -> ((K) a).compareTo((K) b));
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i >= 0 ? (V) values[i] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Comparator<? super K> comparator() {
        return null; // natural order
    }

    @Override
    @SuppressWarnings("unchecked")
    public K firstKey() {
        if (keys.length == 0) {
            throw new NoSuchElementException();
        }
        return (K) keys[0];
    }

    @Override
    @SuppressWarnings("unchecked")
    public K lastKey() {
        if (keys.length == 0) {
            throw new NoSuchElementException();
        }
        return (K) keys[keys.length - 1];
    }

    @Override
    public SortedMap<K, V> subMap(K fromKey, K toKey) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(this).subMap(fromKey, toKey));
    }

    @Override
    public SortedMap<K, V> headMap(K toKey) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(this).headMap(toKey));
    }

    @Override
    public SortedMap<K, V> tailMap(K fromKey) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(this).tailMap(fromKey));
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<K, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<K, V> entry = new SimpleImmutableEntry<>((K) keys[next], (V) values[next]);
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(java.util.function.BiConsumer<? super K, ? super V> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept((K) keys[i], (V) values[i]);
        }
    }
}
