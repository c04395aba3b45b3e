package org.broadside.store;

import org.broadside.events.AppEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The change counters of table {@code store_changes}: one version per kind of data (topic), bumped inside the
 * transaction that changes the data, with the id of the writing {@link Database} instance. Counters instead of
 * triggers on the tables, because a per-row trigger on contacts made a measured import about 40% slower; a counter
 * is bumped once per write call, however many rows it changes.
 */
public final class StoreChanges {
    /** The kinds of data views show; the names are the rows of {@code store_changes}. */
    public enum Topic {
        LISTS, ACCOUNTS, CAMPAIGNS, BLACKLIST;

        String key() { return name().toLowerCase(); }

        static Topic of(AppEvent event) {
            if (event instanceof AppEvent.ListsChanged) return LISTS;
            if (event instanceof AppEvent.AccountsChanged) return ACCOUNTS;
            if (event instanceof AppEvent.CampaignStateChanged) return CAMPAIGNS;
            return BLACKLIST;
        }

        /** What a change seen from another process means to views: this kind changed, which item is not known. */
        AppEvent unknownChange() {
            return switch (this) {
                case LISTS -> AppEvent.ListsChanged.ANY;
                case ACCOUNTS -> new AppEvent.AccountsChanged();
                case CAMPAIGNS -> new AppEvent.CampaignStateChanged(null);
                case BLACKLIST -> new AppEvent.BlacklistChanged();
            };
        }
    }

    /** One topic's counter as read: its version and which Database instance bumped it last. */
    record Version(long version, String writer) {}

    private StoreChanges() {}

    static void bump(Connection c, Topic topic, String writer) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE store_changes SET version = version + 1, writer = ? WHERE topic = ?")) {
            p.setString(1, writer);
            p.setString(2, topic.key());
            p.executeUpdate();
        }
    }

    static Map<Topic, Version> read(Connection c) throws SQLException {
        Map<Topic, Version> out = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT topic, version, writer FROM store_changes");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                for (Topic t : Topic.values()) {
                    if (t.key().equals(rs.getString(1))) out.put(t, new Version(rs.getLong(2), rs.getString(3)));
                }
            }
        }
        return out;
    }
}
