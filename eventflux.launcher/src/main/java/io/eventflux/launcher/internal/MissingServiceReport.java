package io.eventflux.launcher.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Explains why a service did not appear: the engine bundle missing or not active, and the EventFlux
 * components that Declarative Services could not satisfy, with the references they wait for.
 */
final class MissingServiceReport {
    private static final String ENGINE = "eventflux.engine";

    private final BundleContext context;

    MissingServiceReport(BundleContext context) {
        this.context = context;
    }

    String explain(String service, long waitedSeconds) {
        List<String> reasons = new ArrayList<>();
        bundleProblems(reasons);
        componentProblems(service, reasons);
        StringBuilder sb = new StringBuilder("the ").append(service).append(" service did not appear within ")
                .append(waitedSeconds).append(" s");
        if (reasons.isEmpty()) {
            sb.append(" (is a bundle providing it installed?)");
        }
        for (String reason : reasons) {
            sb.append(System.lineSeparator()).append("  ").append(reason);
        }
        return sb.toString();
    }

    private void bundleProblems(List<String> reasons) {
        boolean engine = false;
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            engine |= ENGINE.equals(name);
            if (bundle.getState() != Bundle.ACTIVE && bundle.getBundleId() != 0 && !isFragment(bundle)
                    && !aboveStartLevel(bundle)) {
                reasons.add("bundle " + name + " " + bundle.getVersion() + " is " + state(bundle.getState())
                        + ", not ACTIVE");
            }
        }
        if (!engine) {
            reasons.add("bundle " + ENGINE + " is not installed");
        }
    }

    private void componentProblems(String service, List<String> reasons) {
        ServiceReference<ServiceComponentRuntime> ref = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = ref == null ? null : context.getService(ref);
        if (scr == null) {
            reasons.add("Declarative Services (org.apache.felix.scr) is not running");
            return;
        }
        try {
            boolean provided = false;
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
                provided |= List.of(description.serviceInterfaces).contains(service);
                if (!description.bundle.symbolicName.startsWith("eventflux.")) {
                    continue;
                }
                if (!scr.isComponentEnabled(description)) {
                    reasons.add("component " + description.name + " is disabled");
                }
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    for (UnsatisfiedReferenceDTO unsatisfied : configuration.unsatisfiedReferences) {
                        reasons.add("component " + description.name + " waits for its reference '" + unsatisfied.name
                                + "' (" + referenceInterface(description, unsatisfied.name) + ")");
                    }
                    if (configuration.failure != null) {
                        reasons.add("component " + description.name + " failed: " + configuration.failure);
                    }
                }
            }
            if (!provided) {
                reasons.add("no installed component provides " + service
                        + " (the engine bundle registers it through Declarative Services)");
            }
        } finally {
            context.ungetService(ref);
        }
    }

    private static String referenceInterface(ComponentDescriptionDTO description, String name) {
        for (var reference : description.references) {
            if (reference.name.equals(name)) {
                return reference.interfaceName;
            }
        }
        return "?";
    }

    /** A bundle waiting for a higher framework start level is idle by design (FileInstall, see HotDeploy). */
    private boolean aboveStartLevel(Bundle bundle) {
        int frameworkLevel = context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel();
        return bundle.adapt(BundleStartLevel.class).getStartLevel() > frameworkLevel;
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get("Fragment-Host") != null;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved: a requirement is missing)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "in state " + state;
        };
    }
}
