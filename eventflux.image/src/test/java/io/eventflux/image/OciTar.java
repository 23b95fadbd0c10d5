package io.eventflux.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An OCI image tarball as Jib writes it ({@code index.json}, {@code blobs/sha256/...}): its image config
 * and the files of its layers (path and mode), read with a minimal tar reader (ustar and PAX path headers).
 */
final class OciTar {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, byte[]> entries;

    private OciTar(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    static OciTar read(Path tar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            readTar(in, (name, mode, data) -> entries.put(name, data));
        }
        return new OciTar(entries);
    }

    JsonNode json(String name) throws IOException {
        byte[] data = entries.get(name);
        if (data == null) {
            throw new IOException("no " + name + " in the tarball; entries: " + entries.keySet());
        }
        return JSON.readTree(data);
    }

    JsonNode manifest() throws IOException {
        return json(blob(json("index.json").path("manifests").path(0).path("digest").asText()));
    }

    JsonNode config() throws IOException {
        return json(blob(manifest().path("config").path("digest").asText()));
    }

    /** Every file of every layer: path (without a leading slash) to mode. */
    Map<String, Integer> layerFiles() throws IOException {
        Map<String, Integer> files = new LinkedHashMap<>();
        for (JsonNode layer : manifest().path("layers")) {
            byte[] data = entries.get(blob(layer.path("digest").asText()));
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
                readTar(in, (name, mode, content) -> files.put(name.startsWith("/") ? name.substring(1) : name, mode));
            }
        }
        return files;
    }

    private static String blob(String digest) {
        return "blobs/" + digest.replace(':', '/');
    }

    private interface EntryConsumer {
        void accept(String name, int mode, byte[] data);
    }

    private static void readTar(InputStream raw, EntryConsumer consumer) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] header = new byte[512];
        String paxPath = null;
        while (true) {
            try {
                in.readFully(header);
            } catch (EOFException e) {
                return;
            }
            if (header[0] == 0) {
                return;
            }
            String name = field(header, 0, 100);
            int mode = (int) Long.parseLong(field(header, 100, 8).trim(), 8);
            long size = Long.parseLong(field(header, 124, 12).trim(), 8);
            char type = (char) header[156];
            String prefix = field(header, 345, 155);
            byte[] data = new byte[(int) size];
            in.readFully(data);
            in.skipNBytes((512 - size % 512) % 512);
            if (type == 'x') {
                for (String rec : new String(data, StandardCharsets.UTF_8).split("\n")) {
                    int eq = rec.indexOf("path=");
                    if (eq >= 0 && rec.substring(rec.indexOf(' ') + 1).startsWith("path=")) {
                        paxPath = rec.substring(eq + 5);
                    }
                }
                continue;
            }
            String full = paxPath != null ? paxPath : prefix.isEmpty() ? name : prefix + "/" + name;
            paxPath = null;
            consumer.accept(full, mode, data);
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
