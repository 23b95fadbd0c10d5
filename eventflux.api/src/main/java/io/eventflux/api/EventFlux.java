package io.eventflux.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The EventFlux runtime: compiles and deploys apps written in EventFlux SQL.
 *
 * <p>Inside OSGi this is a service registered by the engine bundle; outside, create it with the
 * engine's {@code EventFluxRuntime} factory (extensions are then found with {@code ServiceLoader}).
 */
@ProviderType
public interface EventFlux {
    /**
     * Compiles and deploys an app and starts it (or leaves it WAITING for missing extensions).
     *
     * @throws CompileException with line, column and suggestion when the SQL is invalid
     * @throws IllegalStateException when an app of that name is already deployed
     */
    AppRuntime deploy(String sql, DeployOptions options) throws CompileException;

    /**
     * Deploys like {@link #deploy(String, DeployOptions)}, and calls {@code beforeStart} with the app once it
     * is built and before its sources start: callbacks it adds ({@link AppRuntime#addCallback}) see every
     * event, also the first ones of a source that delivers at once. Not called when the app is left WAITING
     * (callbacks added later attach when it starts) or fails to build.
     *
     * @throws CompileException with line, column and suggestion when the SQL is invalid
     * @throws IllegalStateException when an app of that name is already deployed
     */
    AppRuntime deploy(String sql, DeployOptions options, Consumer<AppRuntime> beforeStart) throws CompileException;

    /** Compiles without deploying; returns the schemas of the streams the app would have. */
    List<StreamSchema> validate(String sql) throws CompileException;

    /** Stops and removes an app. Returns false if none had that name. */
    boolean undeploy(String name);

    /** All deployed apps. */
    List<AppInfo> apps();

    /** A deployed app by name. */
    Optional<AppRuntime> app(String name);

    /** The extensions currently available, for help and listings. */
    List<ExtensionInfo> extensions();
}
