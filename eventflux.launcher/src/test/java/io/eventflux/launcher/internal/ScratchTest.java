package io.eventflux.launcher.internal;
import java.nio.file.*;
import org.junit.jupiter.api.Test;
class ScratchTest {
    @Test
    void print() throws Exception {
        for (ReplayCase c : ReplayCase.under(Path.of("src/test/resources/restore-cases"))) {
            Files.writeString(Path.of("/tmp/scratch/" + c.name() + ".out"), new CutReplay(c).uninterrupted());
        }
    }
}
