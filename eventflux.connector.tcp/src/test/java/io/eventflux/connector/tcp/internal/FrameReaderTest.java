package io.eventflux.connector.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameReaderTest {
    private static List<FrameReader.Frame> all(byte[] input, Framing framing, int max) throws IOException {
        // one byte per read at most 3 at a time: frames cross every buffer boundary
        InputStream in = new ByteArrayInputStream(input) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
        FrameReader reader = new FrameReader(in, framing, max);
        List<FrameReader.Frame> frames = new ArrayList<>();
        for (FrameReader.Frame f; (f = reader.next()) != null; ) {
            frames.add(f);
        }
        return frames;
    }

    private static String text(FrameReader.Frame f) {
        return new String(f.data(), StandardCharsets.UTF_8);
    }

    @Test
    void linesEndWithNewlineACarriageReturnIsDroppedAndTheLastLineNeedsNoNewline() throws IOException {
        List<FrameReader.Frame> frames = all("a1\r\nbb2\n\nlast".getBytes(StandardCharsets.UTF_8), Framing.LINE, 100);
        assertThat(frames).extracting(FrameReaderTest::text).containsExactly("a1", "bb2", "", "last");
        assertThat(frames).allSatisfy(f -> assertThat(f.problem()).isNull());
    }

    @Test
    void aLineOverTheLimitIsReportedWithItsFirstBytesAndTheNextLineIsRead() throws IOException {
        String longLine = "x".repeat(1000);
        List<FrameReader.Frame> frames = all((longLine + "\nok\n").getBytes(StandardCharsets.UTF_8), Framing.LINE, 10);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).problem()).contains("1000 bytes").contains("tcp.max.frame.bytes (10)");
        assertThat(frames.get(0).fatal()).isFalse();
        assertThat(frames.get(0).data()).hasSize(FrameReader.PREFIX_BYTES);
        assertThat(text(frames.get(1))).isEqualTo("ok");
        assertThat(frames.get(1).problem()).isNull();
    }

    @Test
    void lengthPrefixedFramesAreReadWhole() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String s : new String[] {"one", "", "with\nnewline"}) {
            out.write(Framing.LENGTH.encode(s.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(all(out.toByteArray(), Framing.LENGTH, 100)).extracting(FrameReaderTest::text)
                .containsExactly("one", "", "with\nnewline");
    }

    @Test
    void aLengthOverTheLimitIsFatalAndATruncatedFrameIsReported() throws IOException {
        byte[] big = Framing.LENGTH.encode(new byte[50]);
        List<FrameReader.Frame> frames = all(big, Framing.LENGTH, 10);
        assertThat(frames.get(0).problem()).contains("a frame of 50 bytes").contains("(10)").contains("closed");
        assertThat(frames.get(0).fatal()).isTrue();

        byte[] truncated = new byte[] {0, 0, 0, 9, 'a', 'b'};
        FrameReader.Frame cut = all(truncated, Framing.LENGTH, 100).get(0);
        assertThat(cut.problem()).contains("2 of 9 bytes");
        assertThat(text(cut)).isEqualTo("ab");
    }

    @Test
    void theSinkRefusesALinePayloadHoldingALineBreakButKeepsItsOwnLineEnd() {
        assertThat(Framing.LINE.encode("{}\n".getBytes(StandardCharsets.UTF_8))).containsExactly('{', '}', '\n');
        assertThatThrownBy(() -> Framing.LINE.encode("a\nb".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("line break at byte 1").hasMessageContaining("tcp.framing = 'length'");
    }
}
