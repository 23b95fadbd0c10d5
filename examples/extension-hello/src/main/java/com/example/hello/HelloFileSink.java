package com.example.hello;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.osgi.service.component.annotations.Component;

/** {@code extension = 'helloFile'}: appends each event to a text file, one line each. */
@Component(service = SinkFactory.class)
@Extension(type = Extension.SINK, name = "helloFile", description = "Appends each event to a text file (an example third-party sink)",
        parameters = "helloFile.path: STRING, the file (required; created if missing)")
public final class HelloFileSink implements SinkFactory {
    @Override
    public Sink create(ConnectorSpec spec) {
        Path file = Path.of(spec.require("helloFile.path"));
        return new Sink() {
            private BufferedWriter out;

            @Override
            public void start() throws IOException {
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }

            @Override
            public void publish(Object payload, Event event) throws IOException {
                out.write(line(payload));
                out.newLine();
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void stop() {
                try {
                    if (out != null) {
                        out.close();
                    }
                } catch (IOException e) {
                    // closing: nothing left to report it to
                }
            }
        };
    }

    /** The stream's format made the payload: text (json, csv, text) or bytes; without a format, the event. */
    static String line(Object payload) {
        if (payload instanceof Event e) {
            return Arrays.toString(e.data());
        }
        return payload instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(payload);
    }
}
