package org.broadside.bounces;

import org.broadside.events.AppEvent;
import org.broadside.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The configured bounce mailboxes (settings only; passwords are in the credential store). */
public final class MailboxRepository {
    private static final String COLUMNS = "name, protocol, host, port, tls, username, folder, after_scan, processed_folder";

    private final Database db;

    public MailboxRepository(Database db) {
        this.db = db;
    }

    /** Adds the mailbox or replaces the settings of the one with that name (ignoring case); true when it was new. */
    public boolean save(MailboxAccount m) {
        return db.write(new AppEvent.BouncesChanged(), c -> {
            boolean exists;
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM mailboxes WHERE " + db.dialect().equalsIgnoringCase("name"))) {
                p.setString(1, m.name());
                try (ResultSet rs = p.executeQuery()) {
                    exists = rs.next();
                }
            }
            long now = System.currentTimeMillis();
            String sql = exists
                    ? "UPDATE mailboxes SET protocol = ?, host = ?, port = ?, tls = ?, username = ?, folder = ?, after_scan = ?, processed_folder = ?, "
                            + "updated_at = ?, name = ? WHERE " + db.dialect().equalsIgnoringCase("name")
                    : "INSERT INTO mailboxes(protocol, host, port, tls, username, folder, after_scan, processed_folder, updated_at, name, created_at) "
                            + "VALUES (?,?,?,?,?,?,?,?,?,?,?)";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, m.protocol().name());
                p.setString(2, m.host());
                p.setInt(3, m.port());
                p.setInt(4, m.tls() ? 1 : 0); // an integer column on both engines
                p.setString(5, m.username());
                p.setString(6, m.folder());
                p.setString(7, m.afterScan().name());
                p.setString(8, m.processedFolder());
                p.setLong(9, now);
                p.setString(10, m.name());
                if (exists) p.setString(11, m.name()); // WHERE name = ?
                else p.setLong(11, now); // created_at
                p.executeUpdate();
            }
            return !exists;
        });
    }

    public Optional<MailboxAccount> find(String name) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM mailboxes WHERE " + db.dialect().equalsIgnoringCase("name"))) {
                p.setString(1, name.strip());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(account(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<MailboxAccount> list() {
        return db.read(c -> {
            List<MailboxAccount> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM mailboxes ORDER BY " + db.dialect().nocase("name"));
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(account(rs));
            }
            return out;
        });
    }

    public boolean remove(String name) {
        return db.write(new AppEvent.BouncesChanged(), c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM mailboxes WHERE " + db.dialect().equalsIgnoringCase("name"))) {
                p.setString(1, name.strip());
                return p.executeUpdate() == 1;
            }
        });
    }

    private static MailboxAccount account(ResultSet rs) throws SQLException {
        return new MailboxAccount(rs.getString(1), MailProtocol.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4), rs.getBoolean(5),
                rs.getString(6), rs.getString(7), AfterScan.valueOf(rs.getString(8)), rs.getString(9));
    }
}
