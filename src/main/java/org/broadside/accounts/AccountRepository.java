package org.broadside.accounts;

import org.broadside.events.AppEvent;
import org.broadside.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sending accounts in the store. Settings only: secrets go to a {@link CredentialStore}, never to SQLite. */
public final class AccountRepository {
    private final Database db;

    public AccountRepository(Database db) {
        this.db = db;
    }

    /** Inserts the account, or updates the one with the same name (ignoring case); true when it was new. */
    public boolean save(Account account) {
        String config = AccountJson.write(account);
        long now = System.currentTimeMillis();
        return db.write(new AppEvent.AccountsChanged(), c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE accounts SET name = ?, config = ?, updated_at = ? WHERE " + db.dialect().equalsIgnoringCase("name"))) {
                update.setString(1, account.name());
                update.setString(2, config);
                update.setLong(3, now);
                update.setString(4, account.name());
                if (update.executeUpdate() == 1) return false;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO accounts(name, config, created_at, updated_at) VALUES (?,?,?,?)")) {
                insert.setString(1, account.name());
                insert.setString(2, config);
                insert.setLong(3, now);
                insert.setLong(4, now);
                insert.executeUpdate();
                return true;
            }
        });
    }

    /** The account with this name, ignoring case. */
    public Optional<Account> find(String name) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT name, config FROM accounts WHERE " + db.dialect().equalsIgnoringCase("name"))) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(AccountJson.read(rs.getString(1), rs.getString(2))) : Optional.<Account>empty();
                }
            }
        });
    }

    /** All accounts by name. */
    public List<Account> list() {
        return db.read(c -> {
            List<Account> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT name, config FROM accounts ORDER BY " + db.dialect().nocase("name"));
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(AccountJson.read(rs.getString(1), rs.getString(2)));
            }
            return out;
        });
    }

    /** Deletes the settings (the caller deletes the secret); true when there was such an account. */
    public boolean delete(String name) {
        return db.write(new AppEvent.AccountsChanged(), c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM accounts WHERE " + db.dialect().equalsIgnoringCase("name"))) {
                p.setString(1, name);
                return p.executeUpdate() == 1;
            }
        });
    }
}
