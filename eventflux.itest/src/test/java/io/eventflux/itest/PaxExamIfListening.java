package io.eventflux.itest;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.AssumptionViolatedException;
import org.junit.Test;
import org.junit.runner.Description;
import org.junit.runner.Runner;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunNotifier;
import org.junit.runners.model.FrameworkMethod;
import org.junit.runners.model.InitializationError;
import org.junit.runners.model.TestClass;
import org.ops4j.pax.exam.junit.PaxExam;

/**
 * Runs a Pax Exam test class when its database server ({@link Server}) listens on 127.0.0.1, and
 * otherwise reports each of its tests as skipped (assumption failure) with a message, or as failed when
 * {@code CI=true}; Felix is not started then. Needed because Pax Exam runs {@code @BeforeClass} and JUnit
 * assumptions inside the framework, where a violated assumption counts as a pass.
 *
 * <p>Runs on the driver side (outside OSGi).
 */
public final class PaxExamIfListening extends Runner {

    /** The server a test class needs. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Server {
        /** For messages, e.g. PostgreSQL. */
        String name();

        int port();
    }

    private final Runner delegate;
    private final Description description;
    private final List<Description> tests;
    private final String unreachable;

    public PaxExamIfListening(Class<?> klass) throws InitializationError {
        Server server = klass.getAnnotation(Server.class);
        if (server == null) {
            throw new InitializationError(klass.getName() + " needs @PaxExamIfListening.Server");
        }
        unreachable = unreachable(server);
        if (unreachable == null) {
            delegate = new PaxExam(klass);
            description = delegate.getDescription();
            tests = List.of();
        } else {
            delegate = null;
            description = Description.createSuiteDescription(klass);
            tests = new TestClass(klass).getAnnotatedMethods(Test.class).stream()
                    .map(FrameworkMethod::getName)
                    .map(name -> Description.createTestDescription(klass, name))
                    .toList();
            tests.forEach(description::addChild);
        }
    }

    /** Null when something listens on the server's port, else why not. */
    private static String unreachable(Server server) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
            return null;
        } catch (IOException e) {
            return server.name() + " is not reachable at 127.0.0.1:" + server.port() + " (" + e.getMessage() + ")";
        }
    }

    @Override
    public Description getDescription() {
        return description;
    }

    @Override
    public void run(RunNotifier notifier) {
        if (delegate != null) {
            delegate.run(notifier);
            return;
        }
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        for (Description test : tests) {
            notifier.fireTestStarted(test);
            if (ci) {
                notifier.fireTestFailure(new Failure(test, new AssertionError(unreachable + ": CI=true requires it")));
            } else {
                notifier.fireTestAssumptionFailed(new Failure(test,
                        new AssumptionViolatedException(unreachable + ": skipped")));
            }
            notifier.fireTestFinished(test);
        }
    }
}
