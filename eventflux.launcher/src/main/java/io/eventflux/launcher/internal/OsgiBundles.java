package io.eventflux.launcher.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * {@code --bundle} inside the framework: every jar is installed (by reference: nothing is copied) at the
 * beginning start level, then each is started in order (resolving it with the others: they may import from
 * one another);
 * then this waits (bounded polling) until Declarative Services has every enabled component of each bundle
 * satisfied, so the engine's registry holds their factories before the app is compiled. A bundle that does not
 * resolve is reported with its missing requirements, a component that does not come up with its unsatisfied
 * references or its activation failure.
 */
final class OsgiBundles implements BundleInstaller {
    /** Felix: "missing requirement [BSN [ID](R ID.0)] NAMESPACE; FILTER", perhaps chained, then "Unresolved requirements:". */
    private static final Pattern MISSING = Pattern.compile("missing requirement \\[([^\\s\\[\\]]+) \\[[^\\]]*\\][^\\]]*\\] "
            + "([^\\]]*?)(?= \\[caused by:| Unresolved requirements:|\\]|$)");
    private static final Pattern PACKAGE = Pattern.compile(
            "osgi\\.wiring\\.package; \\(&?\\(?osgi\\.wiring\\.package=([^)]+)\\)(.*)");
    private static final Pattern LOW = Pattern.compile("(?<!!)\\(version>=([^)]+)\\)");
    private static final Pattern HIGH = Pattern.compile("!\\(version>=([^)]+)\\)");

    private final BundleContext context;
    private final long timeoutSeconds;

    OsgiBundles(BundleContext context, long timeoutSeconds) {
        this.context = context;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public void install(Path directory, List<String> given) throws CommandFailure {
        List<BundleJars.Jar> jars = BundleJars.expand(directory, given);
        Map<Bundle, BundleJars.Jar> installed = new LinkedHashMap<>();
        for (BundleJars.Jar jar : jars) {
            try {
                Bundle bundle = context.installBundle("reference:" + jar.path().toAbsolutePath().normalize().toUri());
                bundle.adapt(BundleStartLevel.class).setStartLevel(1);
                installed.put(bundle, jar);
            } catch (BundleException | RuntimeException e) {
                throw new CommandFailure(ExitCodes.ERROR, "--bundle " + jar.describe() + ": cannot install it: "
                        + e.getMessage());
            }
        }
        for (Map.Entry<Bundle, BundleJars.Jar> e : installed.entrySet()) {
            Bundle bundle = e.getKey();
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException | RuntimeException ex) {
                throw new CommandFailure(ExitCodes.ERROR, "--bundle " + e.getValue().describe()
                        + (bundle.getState() == Bundle.INSTALLED ? " does not resolve: " + missing(ex.getMessage())
                                : " cannot start: " + ex.getMessage()));
            }
        }
        awaitComponents(installed);
    }

    /**
     * Felix's resolution message, shortened to its missing requirements: {@code missing requirement: B needs
     * Import-Package P;version="[1.0.0,2.0.0)"}, along the chain when a bundle it needs is what does not resolve.
     */
    static String missing(String message) {
        if (message == null) {
            return "(no reason given)";
        }
        List<String> out = new ArrayList<>();
        Matcher m = MISSING.matcher(message);
        while (m.find()) {
            out.add(m.group(1) + " needs " + readable(m.group(2).trim()));
        }
        return out.isEmpty() ? message : "missing requirement: " + String.join(", and ", out)
                + " (no installed bundle provides it)";
    }

    /** An import as a manifest would write it: {@code Import-Package com.nope;version="[1.0.0,2.0.0)"}. */
    private static String readable(String requirement) {
        Matcher p = PACKAGE.matcher(requirement);
        if (!p.matches()) {
            return requirement;
        }
        String pkg = p.group(1);
        Matcher low = LOW.matcher(p.group(2));
        Matcher high = HIGH.matcher(p.group(2));
        String range = low.find() ? (high.find() ? "[" + low.group(1) + "," + high.group(1) + ")" : low.group(1)) : null;
        return "Import-Package " + pkg + (range == null ? "" : ";version=\"" + range + "\"");
    }

    /** Until every enabled component of each bundle is satisfied (or active), within the timeout. */
    private void awaitComponents(Map<Bundle, BundleJars.Jar> installed) throws CommandFailure {
        List<Bundle> withComponents = new ArrayList<>();
        for (Bundle bundle : installed.keySet()) {
            if (bundle.getHeaders("").get("Service-Component") != null) {
                withComponents.add(bundle);
            } else if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                System.err.println("eventflux: warning: --bundle " + installed.get(bundle).describe()
                        + " declares no DS component (no Service-Component header): it provides no extension");
            }
        }
        if (withComponents.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        String pending;
        do {
            pending = pending(withComponents, installed);
            if (pending == null) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        } while (System.nanoTime() < deadline);
        throw new CommandFailure(ExitCodes.ERROR, pending + " (waited " + timeoutSeconds + " s)");
    }

    private static String serviceOf(ComponentDescriptionDTO description, String reference) {
        for (ReferenceDTO r : description.references) {
            if (r.name.equals(reference)) {
                return r.interfaceName;
            }
        }
        return "?";
    }

    /** What is not up yet, or null when every component is. */
    private String pending(List<Bundle> bundles, Map<Bundle, BundleJars.Jar> installed) throws CommandFailure {
        ServiceReference<ServiceComponentRuntime> ref = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = ref == null ? null : context.getService(ref);
        if (scr == null) {
            return "Declarative Services (org.apache.felix.scr) is not running: the --bundle components cannot start";
        }
        try {
            for (Bundle bundle : bundles) {
                String what = "--bundle " + installed.get(bundle).describe();
                java.util.Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs(bundle);
                if (descriptions.isEmpty()) {
                    return what + ": Declarative Services did not read its components";
                }
                for (ComponentDescriptionDTO description : descriptions) {
                    if (!scr.isComponentEnabled(description)) {
                        continue;
                    }
                    java.util.Collection<ComponentConfigurationDTO> configurations =
                            scr.getComponentConfigurationDTOs(description);
                    if (configurations.isEmpty()) {
                        return what + ": component " + description.name + " is not satisfied (configuration policy "
                                + description.configurationPolicy + ")";
                    }
                    for (ComponentConfigurationDTO c : configurations) {
                        if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                            throw new CommandFailure(ExitCodes.ERROR, what + ": component " + description.name
                                    + " failed to activate: " + c.failure);
                        }
                        if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                                || c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
                            List<String> refs = new ArrayList<>();
                            for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
                                refs.add(serviceOf(description, u.name) + (u.target == null ? "" : " " + u.target)
                                        + " (reference '" + u.name + "')");
                            }
                            return what + ": component " + description.name + " is not satisfied"
                                    + (refs.isEmpty() ? "" : ": no service " + String.join(", no service ", refs));
                        }
                    }
                }
            }
            return null;
        } finally {
            context.ungetService(ref);
        }
    }
}
