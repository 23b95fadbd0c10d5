package io.eventflux.management.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

class JettyMemoryHintTest {
    @Test
    void compressedOopsIsWhatJettyReadsThroughThePlatformMBeanServer() throws Exception {
        // the question Jetty's MemoryUtils asks when the property is not set
        Object option = ManagementFactory.getPlatformMBeanServer().invoke(
                ObjectName.getInstance("com.sun.management:type=HotSpotDiagnostic"), "getVMOption",
                new Object[] {"UseCompressedOops"}, new String[] {String.class.getName()});
        boolean expected = Boolean.parseBoolean((String) ((CompositeData) option).get("value"));

        assertThat(JettyMemoryHint.compressedOops()).isEqualTo(expected);
    }

    @Test
    void setsJettysReferencesPerCacheLineOnceAndKeepsAGivenValue() {
        String before = System.getProperty(JettyMemoryHint.REFERENCES_PER_CACHE_LINE);
        try {
            System.clearProperty(JettyMemoryHint.REFERENCES_PER_CACHE_LINE);
            JettyMemoryHint.apply();
            int expected = JettyMemoryHint.compressedOops() ? 64 / 4 : 64 / 8;
            assertThat(System.getProperty(JettyMemoryHint.REFERENCES_PER_CACHE_LINE)).isEqualTo(String.valueOf(expected));

            System.setProperty(JettyMemoryHint.REFERENCES_PER_CACHE_LINE, "3");
            JettyMemoryHint.apply();
            assertThat(System.getProperty(JettyMemoryHint.REFERENCES_PER_CACHE_LINE)).isEqualTo("3");
        } finally {
            if (before == null) {
                System.clearProperty(JettyMemoryHint.REFERENCES_PER_CACHE_LINE);
            } else {
                System.setProperty(JettyMemoryHint.REFERENCES_PER_CACHE_LINE, before);
            }
        }
    }
}
