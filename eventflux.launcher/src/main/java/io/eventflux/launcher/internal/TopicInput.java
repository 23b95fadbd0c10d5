package io.eventflux.launcher.internal;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.Attribute;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.EventFlux;
import io.eventflux.api.StreamSchema;
import io.eventflux.engine.CompiledApp;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.StreamDef;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input for a stream that an app reads from an {@code inMemory} source: the events of {@code --input} are
 * published on the source's topic, through the in-process broker, as any other publisher's are, instead of
 * being handed to the stream directly. The publisher is a second app of this runtime ({@code APP-input},
 * one stream per such input stream, same schema, with an {@code inMemory} sink on the topic), deployed after
 * the app (so its source is subscribed) and closed before it (so what it holds reaches the topic while the
 * app's source still listens). It has a writer of its own: a full ring of the app blocks it, and so the
 * reading of the input, instead of losing events.
 */
final class TopicInput {
    private TopicInput() {
    }

    /** Finds the input streams of a deployed app that it reads from an {@code inMemory} source. */
    @FunctionalInterface
    interface Finder {
        /**
         * @return each such stream's name (as declared) with its topic
         * @throws CompileException when the app's SQL had to be compiled again and did not compile
         * @throws CommandFailure when the runtime that compiles is not there
         */
        Map<String, String> of(AppRuntime app) throws CompileException, CommandFailure;
    }

    /**
     * The topics of a deployed app: from the plan the engine compiled it to ({@link CompiledApp}), else from
     * compiling its SQL again.
     */
    static Finder of(String sql, AppPlanner planner) {
        return app -> topics(app instanceof CompiledApp compiled && compiled.plan() != null ? compiled.plan()
                : planner.plan(sql));
    }

    /** The topic of every stream of the plan with an {@code inMemory} source (names as declared). */
    static Map<String, String> topics(AppPlan plan) {
        Map<String, String> out = new LinkedHashMap<>();
        for (StreamDef stream : plan.streams()) {
            Map<String, String> o = lowerKeys(stream.options());
            if ("source".equalsIgnoreCase(o.get("type")) && "inmemory".equalsIgnoreCase(o.get("extension"))
                    && o.get("inmemory.topic") != null) {
                out.put(stream.schema().name(), o.get("inmemory.topic"));
            }
        }
        return out;
    }

    /**
     * Deploys the publisher app for these streams of {@code app}.
     *
     * @throws CommandFailure when it cannot be deployed
     */
    static DeployedApp deploy(EventFlux eventFlux, DeployedApp app, Map<String, String> topics, DeployOptions options,
            EventLineWriter writer) throws CommandFailure {
        StringBuilder sql = new StringBuilder();
        for (Map.Entry<String, String> e : topics.entrySet()) {
            StreamSchema schema = app.runtime().stream(e.getKey()).orElseThrow();
            sql.append("CREATE STREAM ").append(schema.name()).append(" (")
                    .append(schema.attributes().stream().map(TopicInput::column).collect(Collectors.joining(", ")))
                    .append(")\n  WITH (type = 'sink', extension = 'inMemory', inMemory.topic = '")
                    .append(e.getValue().replace("'", "''")).append("');\n");
        }
        try {
            // no persistence and no config sections of its own: it holds nothing
            return DeployedApp.deploy(eventFlux, sql.toString(),
                    DeployOptions.defaults().withName(app.runtime().name() + "-input").withClock(options.clock()), writer);
        } catch (CompileException e) {
            throw new CommandFailure(ExitCodes.ERROR, "cannot publish the input on the inMemory topics " + topics
                    + ": " + e.getMessage());
        }
    }

    private static String column(Attribute a) {
        return a.name() + " " + a.type().name();
    }

    private static Map<String, String> lowerKeys(Map<String, String> options) {
        Map<String, String> out = new LinkedHashMap<>();
        options.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }
}
