package io.eventflux.window.sort.internal;

/** One attribute to sort by and its direction. */
record SortKey(int index, boolean descending) {
    SortKey withDescending(boolean desc) {
        return new SortKey(index, desc);
    }
}
