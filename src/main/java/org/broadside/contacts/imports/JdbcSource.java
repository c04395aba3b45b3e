package org.broadside.contacts.imports;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a table or a SELECT from PostgreSQL or MySQL/MariaDB in a read-only transaction with a statement timeout,
 * streaming rows with a fetch size so a million rows never sit in memory.
 */
public final class JdbcSource implements ContactSource {
    static final int FETCH_SIZE = 1000;

    private final HikariDataSource pool;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final List<String> columns;
    private final int[] types;
    private long rowNumber;

    private JdbcSource(JdbcSettings settings) {
        JdbcSettings.Kind kind = settings.kind();
        JdbcPropertyGuard.check(settings.url(), Map.of());
        HikariDataSource ds = null;
        Connection c = null;
        PreparedStatement s = null;
        try {
            ds = new HikariDataSource(config(settings, kind));
            c = ds.getConnection();
            s = c.prepareStatement(sql(settings, kind), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            // MySQL Connector/J streams row by row only with this magic fetch size; PostgreSQL uses a cursor.
            s.setFetchSize(kind == JdbcSettings.Kind.MYSQL ? Integer.MIN_VALUE : FETCH_SIZE);
            s.setQueryTimeout(settings.timeoutSeconds());
            ResultSet rs = s.executeQuery();
            ResultSetMetaData md = rs.getMetaData();
            List<String> names = new ArrayList<>();
            types = new int[md.getColumnCount()];
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnLabel(i));
                types[i - 1] = md.getColumnType(i);
            }
            this.pool = ds;
            this.connection = c;
            this.statement = s;
            this.rows = rs;
            this.columns = ColumnNames.unique(names);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(s, c, ds);
            if (e instanceof ImportException ie) throw ie;
            throw JdbcErrors.explain(e, settings);
        }
    }

    public static JdbcSource open(JdbcSettings settings) {
        return new JdbcSource(settings);
    }

    /** The columns and up to limit rows, for the import dialog's preview and the CLI's --preview. */
    public static Preview preview(JdbcSettings settings, int limit) {
        try (JdbcSource source = open(settings)) {
            List<List<String>> rows = new ArrayList<>();
            SourceRow r;
            while (rows.size() < limit && (r = source.next()) != null) rows.add(r.values());
            return new Preview(source.columns(), rows);
        }
    }

    /** The first rows of a source. */
    public record Preview(List<String> columns, List<List<String>> rows) {}

    private static HikariConfig config(JdbcSettings settings, JdbcSettings.Kind kind) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setDriverClassName(switch (kind) {
            case POSTGRESQL -> "org.postgresql.Driver";
            case MYSQL -> "com.mysql.cj.jdbc.Driver";
            case SQLITE -> "org.sqlite.JDBC";
        });
        if (settings.user() != null) config.setUsername(settings.user());
        if (settings.password() != null) config.setPassword(settings.password());
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(15_000);
        config.setReadOnly(true);
        config.setAutoCommit(false);
        config.setPoolName("broadside-import");
        if (kind == JdbcSettings.Kind.POSTGRESQL) {
            config.addDataSourceProperty("connectTimeout", "10");
            config.addDataSourceProperty("ApplicationName", "Broadside import");
            if (settings.sslMode() != null) config.addDataSourceProperty("sslmode", settings.sslMode());
        } else if (kind == JdbcSettings.Kind.SQLITE) {
            // SQLite takes read-only as an open flag (SQLITE_OPEN_READONLY): its driver refuses to change it later.
            config.addDataSourceProperty("open_mode", "1");
        } else {
            // Pinned off even though they default to off, so a driver upgrade cannot turn them on.
            config.addDataSourceProperty("allowLoadLocalInfile", "false");
            config.addDataSourceProperty("allowUrlInLocalInfile", "false");
            config.addDataSourceProperty("autoDeserialize", "false");
            config.addDataSourceProperty("allowMultiQueries", "false");
            config.addDataSourceProperty("connectTimeout", "10000");
            config.addDataSourceProperty("characterEncoding", "UTF-8");
            if (settings.sslMode() != null) config.addDataSourceProperty("sslMode", settings.sslMode());
        }
        return config;
    }

    static String sql(JdbcSettings settings, JdbcSettings.Kind kind) {
        if (settings.query() != null && !settings.query().isBlank()) {
            String q = settings.query().strip();
            while (q.endsWith(";")) q = q.substring(0, q.length() - 1).strip();
            return q;
        }
        StringBuilder sb = new StringBuilder("SELECT * FROM ");
        String[] parts = settings.table().strip().split("\\.");
        char quote = kind == JdbcSettings.Kind.MYSQL ? '`' : '"';
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) sb.append('.');
            String part = parts[i].strip();
            if (part.length() >= 2 && part.charAt(0) == quote && part.charAt(part.length() - 1) == quote) {
                part = part.substring(1, part.length() - 1);
            }
            if (part.isEmpty()) throw new ImportException("The table name \"" + settings.table() + "\" is not valid.");
            sb.append(quote).append(part.replace(String.valueOf(quote), String.valueOf(quote) + quote)).append(quote);
        }
        return sb.toString();
    }

    @Override
    public List<String> columns() { return columns; }

    @Override
    public String unit() { return "row"; }

    @Override
    public SourceRow next() {
        try {
            if (!rows.next()) return null;
            rowNumber++;
            List<String> values = new ArrayList<>(types.length);
            for (int i = 0; i < types.length; i++) values.add(text(i + 1, types[i]));
            return SourceRow.of(rowNumber, values);
        } catch (SQLException e) {
            throw new ImportException("Reading from the database stopped at row " + (rowNumber + 1) + ": "
                    + JdbcErrors.firstLine(e) + "; nothing was imported.", e);
        }
    }

    /** Text as a person would type it: ISO dates, no trailing ".0" on timestamps, empty for NULL. */
    private String text(int column, int type) throws SQLException {
        switch (type) {
            case Types.DATE -> {
                java.sql.Date d = rows.getDate(column);
                return d == null ? "" : d.toLocalDate().toString();
            }
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                Timestamp t = rows.getTimestamp(column);
                if (t == null) return "";
                String s = t.toLocalDateTime().toString().replace('T', ' ');
                return s.length() == 16 ? s + ":00" : s;
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                return "";
            }
            case Types.BIT, Types.BOOLEAN -> {
                boolean b = rows.getBoolean(column);
                return rows.wasNull() ? "" : String.valueOf(b);
            }
            default -> {
                String s = rows.getString(column);
                return s == null ? "" : s;
            }
        }
    }

    @Override
    public void close() {
        try {
            // Rolling back a read-only transaction releases the cursor without waiting for unread rows.
            if (!connection.isClosed()) connection.rollback();
        } catch (SQLException ignored) {
            // The connection is going away either way.
        }
        closeQuietly(statement, connection, pool);
    }

    private static void closeQuietly(PreparedStatement s, Connection c, HikariDataSource ds) {
        try {
            if (s != null) s.close();
        } catch (SQLException ignored) {
            // Closing after a failure: the original error is what the user needs.
        }
        try {
            if (c != null) c.close();
        } catch (SQLException ignored) {
            // as above
        }
        if (ds != null) ds.close();
    }
}
