package io.eventflux.store.jdbc.internal;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.store.Condition;
import io.eventflux.api.store.DuplicateKeyException;
import io.eventflux.api.store.TableSpec;
import io.eventflux.api.store.TableStore;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A table in a database. Every condition becomes a WHERE clause with bind parameters; what cannot be
 * translated is checked on the selected rows, and such rows are then changed one by one through their
 * primary key (or all their values, without one). The database keeps the rows: snapshots are empty and
 * restores change nothing. Writer thread only (one connection, auto-commit).
 */
final class JdbcTableStore implements TableStore {
    private final StreamSchema schema;
    private final List<String> primaryKey;
    private final List<String> indexes;
    private final Connection connection;
    private final String table;
    private final String quote;

    JdbcTableStore(TableSpec spec, Connection connection, String table) throws SQLException {
        this.schema = spec.schema();
        this.primaryKey = spec.primaryKey();
        this.indexes = spec.indexes();
        this.connection = connection;
        String q = connection.getMetaData().getIdentifierQuoteString();
        this.quote = q == null || q.isBlank() ? "" : q.trim();
        this.table = quote(table);
        for (Attribute a : schema.attributes()) {
            if (a.type() == AttributeType.OBJECT) {
                throw new IllegalArgumentException("column " + a + " cannot be stored in a database");
            }
        }
    }

    private String quote(String identifier) {
        return quote + identifier.replace(quote.isEmpty() ? "\u0000" : quote, quote + quote) + quote;
    }

    /** CREATE TABLE (and its indexes) unless it exists. */
    void createIfAbsent() throws SQLException {
        if (exists()) {
            return;
        }
        List<String> columns = new ArrayList<>();
        for (Attribute a : schema.attributes()) {
            columns.add(quote(a.name()) + " " + sqlType(a.type()));
        }
        if (!primaryKey.isEmpty()) {
            columns.add("PRIMARY KEY (" + String.join(", ", primaryKey.stream().map(this::quote).toList()) + ")");
        }
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("CREATE TABLE " + table + " (" + String.join(", ", columns) + ")");
            int i = 0;
            for (String column : indexes) {
                String raw = table.substring(quote.length(), table.length() - quote.length());
                st.executeUpdate("CREATE INDEX " + quote(raw + "_" + column + "_idx" + (i++)) + " ON " + table + " ("
                        + quote(column) + ")");
            }
        }
    }

    private boolean exists() {
        try (Statement st = connection.createStatement()) {
            st.setMaxRows(1);
            st.executeQuery("SELECT 1 FROM " + table + " WHERE 1=0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String sqlType(AttributeType type) {
        return switch (type) {
            case STRING -> "VARCHAR(255)";
            case INT -> "INTEGER";
            case LONG -> "BIGINT";
            case FLOAT -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOL -> "BOOLEAN";
            default -> throw new IllegalArgumentException("type " + type + " cannot be stored in a database");
        };
    }

    @Override
    public void insert(Object[] row) {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", schema.names().stream().map(this::quote).toList())
                + ") VALUES (" + String.join(", ", schema.names().stream().map(n -> "?").toList()) + ")";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < row.length; i++) {
                bind(ps, i + 1, row[i], schema.attribute(i).type());
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e, row, "insert into");
        }
    }

    private RuntimeException failure(SQLException e, Object[] row, String what) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("23") && !primaryKey.isEmpty()) {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < primaryKey.size(); i++) {
                key.append(i == 0 ? "" : ", ").append(primaryKey.get(i)).append('=')
                        .append(row[schema.indexOf(primaryKey.get(i))]);
            }
            return new DuplicateKeyException("table '" + schema.name() + "': primary key (" + key + ") already exists");
        }
        return new IllegalStateException("table '" + schema.name() + "': " + what + " " + table + " failed: "
                + e.getMessage(), e);
    }

    @Override
    public List<Object[]> find(Condition condition) {
        SqlCondition c = SqlCondition.of(condition, this::quote);
        List<Object[]> out = new ArrayList<>();
        String sql = "SELECT " + String.join(", ", schema.names().stream().map(this::quote).toList()) + " FROM " + table
                + " WHERE " + c.sql();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bindAll(ps, c.parameters());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = read(rs);
                    if (c.residual() == null || c.residual().matches(schema, row)) {
                        out.add(row);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("table '" + schema.name() + "': " + sql + " failed: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public int update(Condition condition, UnaryOperator<Object[]> update) {
        int n = 0;
        for (Object[] row : find(condition)) {
            Object[] replaced = update.apply(row);
            if (replaced == null) {
                continue;
            }
            List<Object> params = new ArrayList<>();
            List<String> sets = new ArrayList<>();
            for (int i = 0; i < replaced.length; i++) {
                sets.add(quote(schema.attribute(i).name()) + " = ?");
                params.add(replaced[i]);
            }
            String where = identity(row, params);
            String sql = "UPDATE " + table + " SET " + String.join(", ", sets) + " WHERE " + where;
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bindAll(ps, params);
                n += ps.executeUpdate() > 0 ? 1 : 0;
            } catch (SQLException e) {
                throw failure(e, replaced, "update of");
            }
        }
        return n;
    }

    @Override
    public int delete(Condition condition) {
        SqlCondition c = SqlCondition.of(condition, this::quote);
        if (c.residual() == null) {
            String sql = "DELETE FROM " + table + " WHERE " + c.sql();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bindAll(ps, c.parameters());
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("table '" + schema.name() + "': " + sql + " failed: " + e.getMessage(),
                        e);
            }
        }
        int n = 0;
        for (Object[] row : find(condition)) {
            List<Object> params = new ArrayList<>();
            String sql = "DELETE FROM " + table + " WHERE " + identity(row, params);
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bindAll(ps, params);
                n += ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("table '" + schema.name() + "': " + sql + " failed: " + e.getMessage(),
                        e);
            }
        }
        return n;
    }

    /** A WHERE clause that selects one row: its primary key, or all its values. */
    private String identity(Object[] row, List<Object> params) {
        List<String> parts = new ArrayList<>();
        List<String> columns = primaryKey.isEmpty() ? schema.names() : primaryKey;
        for (String column : columns) {
            Object v = row[schema.indexOf(column)];
            if (v == null) {
                parts.add(quote(column) + " IS NULL");
            } else {
                parts.add(quote(column) + " = ?");
                params.add(v);
            }
        }
        return String.join(" AND ", parts);
    }

    private void bindAll(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i) == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, params.get(i));
            }
        }
    }

    private static void bind(PreparedStatement ps, int i, Object value, AttributeType type) throws SQLException {
        if (value != null) {
            ps.setObject(i, value);
            return;
        }
        ps.setNull(i, switch (type) {
            case STRING -> Types.VARCHAR;
            case INT -> Types.INTEGER;
            case LONG -> Types.BIGINT;
            case FLOAT -> Types.REAL;
            case DOUBLE -> Types.DOUBLE;
            case BOOL -> Types.BOOLEAN;
            default -> Types.OTHER;
        });
    }

    private Object[] read(ResultSet rs) throws SQLException {
        Object[] row = new Object[schema.size()];
        for (int i = 0; i < row.length; i++) {
            int c = i + 1;
            Object v = switch (schema.attribute(i).type()) {
                case STRING -> rs.getString(c);
                case INT -> rs.getInt(c);
                case LONG -> rs.getLong(c);
                case FLOAT -> rs.getFloat(c);
                case DOUBLE -> rs.getDouble(c);
                case BOOL -> rs.getBoolean(c);
                default -> rs.getObject(c);
            };
            row[i] = rs.wasNull() ? null : v;
        }
        return row;
    }

    @Override
    public long size() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("table '" + schema.name() + "': " + e.getMessage(), e);
        }
    }

    /** The database keeps the rows: nothing to snapshot. */
    @Override
    public Serializable snapshot() {
        return null;
    }

    @Override
    public void restore(Serializable state) {
        // the database is the state
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            System.getLogger(JdbcTableStore.class.getName()).log(System.Logger.Level.WARNING,
                    "closing the connection of table " + schema.name().toLowerCase(Locale.ROOT) + " failed", e);
        }
    }
}
