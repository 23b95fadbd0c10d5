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
 * PostgreSQL ({@code jdbc:postgresql://127.0.0.1:5432/test}, postgres, empty password), with
 * the {@code org.postgresql.jdbc} driver bundle as a java.sql.Driver service: see {@link JdbcStore}. Skipped
 * with a message when nothing listens on port 5432, failed instead when CI=true.
 */
@RunWith(PaxExamIfListening.class)
@PaxExamIfListening.Server(name = "PostgreSQL", port = 5432)
@ExamReactorStrategy(PerClass.class)
public class PostgresqlStoreIT {
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
        new JdbcStore("PostgreSQL", "org.postgresql.jdbc", "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")
                .tableJoinAndOnDemandQuery(eventFlux, context);
    }

    @Test
    public void aggregationKeepsHistoryAcrossRedeploy() throws Exception {
        new JdbcStore("PostgreSQL", "org.postgresql.jdbc", "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")
                .aggregationKeepsHistoryAcrossRedeploy(eventFlux, context);
    }
}
