package io.eventflux.persistence.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.store.PersistenceStore;
import io.eventflux.api.store.RevisionChain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePersistenceStoreTest {
    @TempDir
    Path dir;

    private PersistenceStore store(int keep) {
        return new FilePersistenceStoreFactory().create(Map.of("dir", dir.toString(), "keep", String.valueOf(keep)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void savesAndLoadsRevisionsInOrderLeavingNoTemporaryFile() throws IOException {
        PersistenceStore store = store(3);
        store.save("Shop", "0001", bytes("one"));
        store.save("Shop", "0002", bytes("two"));

        assertThat(store.revisions("Shop")).containsExactly("0001", "0002");
        assertThat(store.lastRevision("Shop")).contains("0002");
        assertThat(new String(store.load("Shop", "0001").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("one");
        assertThat(store.load("Shop", "0009")).isEmpty();
        assertThat(store.revisions("Other")).isEmpty();
        try (Stream<Path> files = Files.list(dir.resolve("Shop"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("0001.snap", "0002.snap");
        }
    }

    @Test
    void aLeftoverTemporaryFileFromACrashIsNotARevision() throws IOException {
        PersistenceStore store = store(3);
        store.save("Shop", "0001", bytes("one"));
        // a crash between write and rename leaves the temporary file only
        Files.write(dir.resolve("Shop/.0002.snap.tmp"), bytes("half"));

        assertThat(store.revisions("Shop")).containsExactly("0001");
        store.save("Shop", "0002", bytes("two"));
        assertThat(new String(store.load("Shop", "0002").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("two");
        assertThat(dir.resolve("Shop/.0002.snap.tmp")).doesNotExist();
    }

    @Test
    void keepsTheLastNRevisions() throws IOException {
        PersistenceStore store = store(2);
        for (int i = 1; i <= 5; i++) {
            store.save("Shop", "000" + i, bytes("r" + i));
        }
        assertThat(store.revisions("Shop")).containsExactly("0004", "0005");
        assertThat(dir.resolve("Shop/0003.snap")).doesNotExist();
    }

    @Test
    void keepNeverDeletesARevisionAKeptIncrementalOneDependsOn() throws IOException {
        PersistenceStore store = store(2);
        // full 1, incremental 2 (on 1), 3 (on 2), full 4, incremental 5 (on 4), 6 (on 5)
        List<String> names = List.of(RevisionChain.full("0001"), RevisionChain.incremental("0002", "0001"),
                RevisionChain.incremental("0003", "0002"), RevisionChain.full("0004"),
                RevisionChain.incremental("0005", "0004"), RevisionChain.incremental("0006", "0005"));
        for (int i = 0; i < 3; i++) {
            store.save("Shop", names.get(i), bytes("r" + i));
        }
        // the last two are 0002-0001 and 0003-0002: both need 0001
        assertThat(store.revisions("Shop")).containsExactly("0001", "0002-0001", "0003-0002");
        store.save("Shop", names.get(3), bytes("r3"));
        // keeps 0003-0002 (and so 0002-0001 and 0001) and 0004
        assertThat(store.revisions("Shop")).containsExactly("0001", "0002-0001", "0003-0002", "0004");
        store.save("Shop", names.get(4), bytes("r4"));
        assertThat(store.revisions("Shop")).containsExactly("0004", "0005-0004");
        store.save("Shop", names.get(5), bytes("r5"));
        assertThat(store.revisions("Shop")).containsExactly("0004", "0005-0004", "0006-0005");
    }

    @Test
    void defaultKeepIsThree() throws IOException {
        PersistenceStore store = new FilePersistenceStoreFactory().create(Map.of("dir", dir.toString()));
        for (int i = 1; i <= 5; i++) {
            store.save("Shop", "000" + i, bytes("r" + i));
        }
        assertThat(store.revisions("Shop")).containsExactly("0003", "0004", "0005");
    }

    @Test
    void aCorruptFileFailsItsChecksumNamingTheFileWhileOlderRevisionsStillLoad() throws IOException {
        PersistenceStore store = store(3);
        store.save("Shop", "0001", bytes("good state"));
        store.save("Shop", "0002", bytes("newer state"));
        Path newest = dir.resolve("Shop/0002.snap");
        byte[] raw = Files.readAllBytes(newest);
        raw[raw.length - 1] ^= 0x01; // one flipped bit in the payload
        Files.write(newest, raw);

        assertThatThrownBy(() -> store.load("Shop", "0002")).isInstanceOf(IOException.class)
                .hasMessageContaining(newest.toString()).hasMessageContaining("checksum");
        assertThat(new String(store.load("Shop", "0001").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("good state");
    }

    @Test
    void aTruncatedOrForeignFileIsReportedNamingIt() throws IOException {
        PersistenceStore store = store(3);
        store.save("Shop", "0001", bytes("some state of the app"));
        Path f = dir.resolve("Shop/0001.snap");
        byte[] raw = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(raw, raw.length - 3));
        assertThatThrownBy(() -> store.load("Shop", "0001")).hasMessageContaining(f.toString())
                .hasMessageContaining("truncated");

        Files.write(f, bytes("not a snapshot at all, just text"));
        assertThatThrownBy(() -> store.load("Shop", "0001")).hasMessageContaining(f.toString())
                .hasMessageContaining("not an EventFlux snapshot");
    }

    @Test
    void anyAppNameIsOneFolderAndClearRemovesIt() throws IOException {
        PersistenceStore store = store(3);
        store.save("../evil/app", "0001", bytes("x"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).hasSize(1).allMatch(p -> p.getParent().equals(dir));
        }
        assertThat(store.revisions("../evil/app")).containsExactly("0001");
        store.clear("../evil/app");
        assertThat(store.revisions("../evil/app")).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void badOptionsAndRevisionNamesAreRefusedClearly() {
        FilePersistenceStoreFactory f = new FilePersistenceStoreFactory();
        assertThatThrownBy(() -> f.create(Map.of())).hasMessageContaining("'dir' is required");
        assertThatThrownBy(() -> f.create(Map.of("dir", dir.toString(), "keep", "0")))
                .hasMessageContaining("'keep'").hasMessageContaining("'0'");
        assertThatThrownBy(() -> store(3).save("Shop", "../x", bytes("x"))).hasMessageContaining("revision '../x'");
    }
}
