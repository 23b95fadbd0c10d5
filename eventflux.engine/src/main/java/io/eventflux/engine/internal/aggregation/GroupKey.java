package io.eventflux.engine.internal.aggregation;

import java.io.Serializable;
import java.util.Arrays;

/** The GROUP BY values of one key; ordered value by value (NULL first) so reads list keys deterministically. */
final class GroupKey implements Comparable<GroupKey>, Serializable {
    private static final long serialVersionUID = 1L;

    final Object[] values;
    private final int hash;

    GroupKey(Object[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupKey k && hash == k.hash && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int compareTo(GroupKey o) {
        for (int i = 0; i < values.length; i++) {
            Object a = values[i];
            Object b = o.values[i];
            if (a == b) {
                continue;
            }
            if (a == null || b == null) {
                return a == null ? -1 : 1;
            }
            int c = a instanceof Comparable ca && a.getClass() == b.getClass() ? ca.compareTo(b)
                    : a.toString().compareTo(b.toString());
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
