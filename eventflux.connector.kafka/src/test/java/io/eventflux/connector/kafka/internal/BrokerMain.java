package io.eventflux.connector.kafka.internal;

/**
 * The main class of the test broker's child JVM: formats the log directory ({@code StorageTool format})
 * and then runs the broker ({@code kafka.Kafka}) in the same JVM, which saves a JVM start of the Scala
 * code (seconds on a busy machine). Never loaded by the tests' JVM, whose class path has no broker.
 *
 * <p>Arguments: the cluster id, the server.properties path.
 */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) {
        // the tests' JVM holds our standard input open: end of input means it died without stopping us
        Thread orphanGuard = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent
                }
            } catch (java.io.IOException e) {
                // closed: same as end of input
            }
            Runtime.getRuntime().halt(1);
        }, "orphan-guard");
        orphanGuard.setDaemon(true);
        orphanGuard.start();
        int rc = kafka.tools.StorageTool.execute(new String[] {"format", "-t", args[0], "-c", args[1]}, System.out);
        if (rc != 0) {
            System.exit(rc);
        }
        kafka.Kafka.main(new String[] {args[1]});
    }
}
