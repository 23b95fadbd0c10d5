package io.eventflux.launcher.internal.boot;

import java.io.ByteArrayInputStream;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.TimeZone;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Initialises, on the main thread while it would only wait for Felix's initialisation, the JDK facilities that
 * the framework's threads use next and whose first use costs milliseconds of class loading and static
 * initialisation: the default time zone (the zone database: every zip entry's time, which the framework reads
 * for each {@code META-INF/services} file SPI Fly opens), the MIME table (which that file's URL connection reads),
 * the XML parser (SCR reads each bundle's component descriptors with it) and {@link String#format} (Felix formats
 * the Java version with it). Their first use on those threads then finds them ready. Nothing here has an effect
 * beyond that: a failure is ignored, and the framework's own use reports what it must.
 */
final class JdkWarmUp {
    private static final byte[] DOCUMENT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a b=\"c\"><d/></a>"
            .getBytes(StandardCharsets.UTF_8);

    private JdkWarmUp() {
    }

    static void run() {
        try {
            TimeZone.getDefault();
            URLConnection.getFileNameMap(); // the MIME table: a bundle entry's URL connection guesses its type
            String.format("%03d", 17); // the default locale's, as Felix
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.newSAXParser().parse(new ByteArrayInputStream(DOCUMENT), new DefaultHandler());
        } catch (Exception | LinkageError e) {
            // best effort: the framework's threads do the work themselves
        }
    }
}
