package io.eventflux.itest;

import io.eventflux.api.EventFlux;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The jdbc table store in Felix against
 * MariaDB ({@code jdbc:mariadb://127.0.0.1:3306/test}, root, empty password), with
 * the {@code mariadb-java-client} driver bundle as a java.sql.Driver service: see {@link JdbcStore}. Skipped
 * with a message when nothing listens on port 3306, failed instead when CI=true.
 */
@RunWith(PaxExamIfListening.class)
@PaxExamIfListening.Server(name = "MariaDB", port = 3306)
@ExamReactorStrategy(PerClass.class)
public class MariadbStoreIT {
    @Inject
    private EventFlux eventFlux;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFlux();
    }

    @Test
    public void tableJoinAndOnDemandQuery() throws Exception {
        new JdbcStore("MariaDB", "mariadb-java-client", "jdbc:mariadb://127.0.0.1:3306/test", "root", "")
                .tableJoinAndOnDemandQuery(eventFlux, context);
    }

    @Test
    public void aggregationKeepsHistoryAcrossRedeploy() throws Exception {
        new JdbcStore("MariaDB", "mariadb-java-client", "jdbc:mariadb://127.0.0.1:3306/test", "root", "")
                .aggregationKeepsHistoryAcrossRedeploy(eventFlux, context);
    }
}
