package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a --bundle that does not resolve is reported: Felix's message, shortened to what is missing. */
class OsgiBundlesTest {
    @Test
    void aMissingPackageIsNamedWithItsVersionRange() {
        String felix = "Unable to resolve com.example.broken [24](R 24.0): missing requirement [com.example.broken [24](R 24.0)]"
                + " osgi.wiring.package; (&(osgi.wiring.package=com.nope)(version>=1.0.0)(!(version>=2.0.0)))"
                + " Unresolved requirements: [[com.example.broken [24](R 24.0)] osgi.wiring.package;"
                + " (&(osgi.wiring.package=com.nope)(version>=1.0.0)(!(version>=2.0.0)))]";

        assertThat(OsgiBundles.missing(felix)).isEqualTo("missing requirement: com.example.broken needs"
                + " Import-Package com.nope;version=\"[1.0.0,2.0.0)\" (no installed bundle provides it)");
    }

    @Test
    void aChainNamesEveryBundleOnTheWay() {
        String felix = "Unable to resolve a [30](R 30.0): missing requirement [a [30](R 30.0)] osgi.wiring.package;"
                + " (&(osgi.wiring.package=b.api)(version>=1.0.0)) [caused by: Unable to resolve b [31](R 31.0):"
                + " missing requirement [b [31](R 31.0)] osgi.wiring.package; (osgi.wiring.package=com.nope)]"
                + " Unresolved requirements: [[a [30](R 30.0)] osgi.wiring.package; (&(osgi.wiring.package=b.api)(version>=1.0.0))]";

        assertThat(OsgiBundles.missing(felix)).isEqualTo("missing requirement: a needs Import-Package b.api;version=\"1.0.0\","
                + " and b needs Import-Package com.nope (no installed bundle provides it)");
    }

    @Test
    void anotherMessageIsKeptAsItIs() {
        assertThat(OsgiBundles.missing("Bundle symbolic name and version are not unique")).isEqualTo(
                "Bundle symbolic name and version are not unique");
    }
}
