package io.eventflux.launcher.internal.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCacheTest {
    private static final List<String> PATHS = List.of("jar/a.jar", "jar/b.jar");

    @TempDir
    Path dir;

    @Test
    void extractsOnceAndReusesTheFolderOfTheSameJar() throws Exception {
        Path jar = jar("one", "AAAA", "BBBBBB");
        Path base = dir.resolve("cache");
        Map<String, Path> first = cache(jar, base).prepare();
        assertThat(first.keySet()).containsExactlyElementsOf(PATHS);
        assertThat(Files.readString(first.get("jar/a.jar"))).isEqualTo("AAAA");
        assertThat(Files.readString(first.get("jar/b.jar"))).isEqualTo("BBBBBB");
        // named by the key: 8 hex digits (zero-padded) and the number of bundles, as every earlier version named it
        assertThat(first.get("jar/a.jar").getParent().getFileName().toString()).matches("[0-9a-f]{8}-2");
        FileTime extracted = Files.getLastModifiedTime(first.get("jar/a.jar"));

        // a copy of the same jar elsewhere: the same folder, nothing extracted again
        Path copy = Files.copy(jar, dir.resolve("copy.jar"));
        Map<String, Path> second = cache(copy, base).prepare();
        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second.get("jar/a.jar"))).isEqualTo(extracted);
    }

    @Test
    void aRebuiltJarGetsItsOwnFolderAndADamagedFolderIsExtractedAgain() throws Exception {
        Path base = dir.resolve("cache");
        Map<String, Path> one = cache(jar("one", "AAAA", "BBBBBB"), base).prepare();
        Map<String, Path> two = cache(jar("two", "AAAA", "CHANGED"), base).prepare();
        assertThat(two.get("jar/b.jar").getParent()).isNotEqualTo(one.get("jar/b.jar").getParent());
        assertThat(Files.readString(two.get("jar/b.jar"))).isEqualTo("CHANGED");

        Files.delete(two.get("jar/a.jar"));
        Map<String, Path> again = cache(dir.resolve("two.jar"), base).prepare();
        assertThat(Files.readString(again.get("jar/a.jar"))).isEqualTo("AAAA");
    }

    @Test
    void twoProcessesStartingAtOnceShareOneCompleteFolder() throws Exception {
        Path jar = jar("one", "A".repeat(100_000), "B".repeat(200_000));
        Path base = dir.resolve("cache");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, Path>>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Map<String, Path>> start = () -> cache(jar, base).prepare();
                starts.add(pool.submit(start));
            }
            Map<String, Path> first = starts.get(0).get();
            for (Future<Map<String, Path>> start : starts) {
                Map<String, Path> files = start.get();
                assertThat(files).isEqualTo(first);
                assertThat(Files.size(files.get("jar/b.jar"))).isEqualTo(200_000);
            }
        } finally {
            pool.shutdown();
        }
        try (var children = Files.list(base)) {
            assertThat(children.map(p -> p.getFileName().toString()))
                    .as("no temporary folder left behind").noneMatch(n -> n.startsWith("extract-") || n.startsWith("old-"));
        }
    }

    @Test
    void foldersOfOtherJarsThatNobodyUsesAreRemovedButNotRecentOnes() throws Exception {
        Path base = dir.resolve("cache");
        Path oldFolder;
        Path recentFolder;
        // both processes have ended (their locks are released)
        try (BundleCache old = cache(jar("old", "OLD", "OLD"), base);
                BundleCache recent = cache(jar("recent", "RECENT", "RECENT"), base)) {
            oldFolder = old.prepare().get("jar/a.jar").getParent();
            recentFolder = recent.prepare().get("jar/a.jar").getParent();
        }
        Files.setLastModifiedTime(oldFolder.resolve(".complete"),
                FileTime.from(Instant.now().minus(BundleCache.UNUSED).minusSeconds(60)));

        Path inUse;
        try (BundleCache running = cache(jar("running", "RUN", "RUN"), base)) {
            inUse = running.prepare().get("jar/a.jar").getParent();
            Files.setLastModifiedTime(inUse.resolve(".complete"),
                    FileTime.from(Instant.now().minus(BundleCache.UNUSED).minusSeconds(60)));
            cache(jar("current", "NEW", "NEW"), base).prepare();
            assertThat(inUse).as("held by a running process").isDirectory();
        }

        assertThat(oldFolder).doesNotExist();
        assertThat(recentFolder).isDirectory();
    }

    private static BundleCache cache(Path jar, Path base) {
        return new BundleCache(jar, base, PATHS, new BootTrace(new PrintStream(OutputStream.nullOutputStream()), false));
    }

    private Path jar(String name, String a, String b) throws IOException {
        Path jar = dir.resolve(name + ".jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(zip, "launcher.properties", "launch.bundles=" + String.join(",", PATHS));
            put(zip, "jar/a.jar", a);
            put(zip, "jar/b.jar", b);
        }
        return jar;
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
