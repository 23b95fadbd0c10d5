package io.eventflux.engine.internal.table;

import io.eventflux.api.Event;
import io.eventflux.engine.internal.stream.ChunkReceiver;
import io.eventflux.engine.internal.stream.EventChunk;

/** {@code INSERT INTO T SELECT ...}: the rows the queries emit into the table (current rows only). */
public final class TableInsertReceiver implements ChunkReceiver {
    private final TableRuntime table;

    public TableInsertReceiver(TableRuntime table) {
        this.table = table;
    }

    @Override
    public void process(EventChunk chunk) {
        for (int i = 0; i < chunk.size(); i++) {
            Event e = chunk.get(i);
            if (!e.isExpired()) {
                table.insert(e.data());
            }
        }
    }
}
