package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore after a snapshot gives identical output: for every case, cut at every input line k (0..n), the
 * app plays lines [0, k), is snapshotted and shut down, a fresh engine restores the snapshot and plays
 * lines [k, n) (and, cut twice, after k / 2 and k lines); the output of all the apps together must equal
 * the uninterrupted {@code eventflux replay} output, byte for byte (see {@link CutReplay}): the state carried as serialized bytes, through the file
 * persistence store after a crash, and across a graceful stop and start of a persisted app.
 *
 * <p>The cases: the public conformance cases in ../shared/conformance/cases (the uninterrupted run must
 * also match their expected.jsonl, as conformance/run.py judges it), and this module's
 * src/test/resources/restore-cases, which cover what those do not: time windows and batches, sessions,
 * sort/unique/frequent windows, patterns with partial matches, WITHIN and absence, partitions with
 * windows, time-based output rate limiting, snapshots, tables, joins, triggers, and event-timed streams
 * (watermarks: out-of-order events buffered, late events routed).
 */
class RestoreAfterSnapshotTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> conformanceCasesCutAtEveryLine() {
        List<ReplayCase> cases = ReplayCase.under(ReplayCase.sharedCases());
        assertThat(cases).as("conformance cases in %s", ReplayCase.sharedCases()).isNotEmpty();
        assertThat(cases.stream().filter(c -> !c.expectsError())).as("cases that run").isNotEmpty();
        return cases.stream().filter(c -> !c.expectsError())
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> checkCuts(c, true)));
    }

    @TestFactory
    Stream<DynamicTest> engineScenariosCutAtEveryLine() throws URISyntaxException {
        Path dir = Path.of(getClass().getResource("/restore-cases").toURI());
        List<ReplayCase> cases = ReplayCase.under(dir);
        assertThat(cases).hasSizeGreaterThan(10);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> checkCuts(c, c.expected() != null)));
    }

    private void checkCuts(ReplayCase c, boolean judge) throws Exception {
        CutReplay replay = new CutReplay(c);
        String whole = replay.uninterrupted();
        if (judge) {
            assertThat(c.compare(whole)).as("%s: the uninterrupted replay against expected.jsonl", c.name()).isNull();
        }
        assertThat(whole).as("%s emits something", c.name()).isNotEmpty();
        String persisted = replay.uninterrupted(Files.createDirectories(tmp.resolve(dirName(c, "whole"))));
        assertThat(whole).as("%s: the persisted app's output, but for the last flush", c.name()).startsWith(persisted);
        List<String> failures = new ArrayList<>();
        for (int k = 0; k <= replay.lineCount(); k++) {
            for (CutReplay.Carry carry : CutReplay.Carry.values()) {
                String expected = carry == CutReplay.Carry.SERIALIZED ? whole : persisted;
                String cut = replay.cutAt(carry, Files.createDirectories(tmp.resolve(dirName(c, k + "-" + carry))), k);
                if (!cut.equals(expected)) {
                    failures.add("cut after line " + k + " of " + replay.lineCount() + " (" + carry + "):\n"
                            + diff(expected, cut));
                }
                if (k > 0 && k < replay.lineCount() && carry == CutReplay.Carry.SERIALIZED) {
                    // restored, then snapshotted again: what a restore put back is in the next snapshot
                    int half = k / 2;
                    String twice = replay.cutAt(carry, Files.createDirectories(tmp.resolve(dirName(c, k + "-2-" + carry))),
                            half, k);
                    if (!twice.equals(expected)) {
                        failures.add("cut after lines " + half + " and " + k + " of " + replay.lineCount() + " ("
                                + carry + "):\n" + diff(expected, twice));
                    }
                }
            }
        }
        assertThat(failures).as("%s: restored runs that differ from the uninterrupted one", c.name()).isEmpty();
    }

    private static String dirName(ReplayCase c, String suffix) {
        return c.name().replace('/', '_') + "-" + suffix;
    }

    private static String diff(String expected, String got) {
        return "  uninterrupted:\n" + indent(expected) + "  restored:\n" + indent(got);
    }

    private static String indent(String s) {
        StringBuilder b = new StringBuilder();
        for (String line : s.split("\n")) {
            b.append("    ").append(line).append('\n');
        }
        return b.toString();
    }
}
