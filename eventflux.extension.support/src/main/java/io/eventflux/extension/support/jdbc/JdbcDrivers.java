package io.eventflux.extension.support.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The JDBC drivers a component connects with. Inside OSGi, every {@code java.sql.Driver} service (the
 * whiteboard: a driver bundle's META-INF/services entry registered by SPI Fly, or a driver registered by
 * hand), bound by the component's DS reference through {@link #add} and {@link #remove}; the first one
 * that accepts the URL connects. {@link DriverManager} only hands out drivers its caller's class loader
 * can see, so it is the fallback: outside OSGi (ServiceLoader path, no services bound) it finds the
 * drivers on the class path.
 *
 * <p>Thread-safe: drivers come and go while connections are opened.
 */
public final class JdbcDrivers {
    private final List<Driver> drivers = new CopyOnWriteArrayList<>();

    /** A bound driver service. */
    public void add(Driver driver) {
        drivers.add(driver);
    }

    /** An unbound driver service: no longer asked. */
    public void remove(Driver driver) {
        drivers.remove(driver);
    }

    /**
     * Connects with the first bound driver that accepts the URL, else through {@link DriverManager}.
     *
     * @param user null for none
     * @param password null for none
     * @throws SQLException the driver's, or (SQL state 08001) one naming the URL and the drivers that
     *     were asked when no driver accepts the URL
     */
    public Connection connect(String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        for (Driver driver : drivers) {
            if (driver.acceptsURL(url)) {
                Connection connection = driver.connect(url, props);
                if (connection != null) {
                    return connection;
                }
            }
        }
        try {
            DriverManager.getDriver(url);
        } catch (SQLException noSuitableDriver) {
            throw new SQLException("no JDBC driver accepts " + Redaction.url(url) + " (driver services: "
                    + names(drivers) + ", DriverManager drivers: "
                    + names(Collections.list(DriverManager.getDrivers())) + ")", "08001", noSuitableDriver);
        }
        return DriverManager.getConnection(url, props);
    }

    private static List<String> names(List<Driver> drivers) {
        List<String> names = new ArrayList<>();
        for (Driver d : drivers) {
            names.add(d.getClass().getName());
        }
        return names;
    }
}
