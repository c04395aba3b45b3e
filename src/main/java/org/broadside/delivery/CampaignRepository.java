package org.broadside.delivery;

import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.ContactSelection;
import org.broadside.events.AppEvent;
import org.broadside.merge.Condition;
import org.broadside.store.Database;
import org.broadside.store.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Campaigns, their frozen recipients with states, runs and connection logs in the store. */
public final class CampaignRepository {
    static final String RECIPIENT_COLUMNS = "id, seq, email, fields, state, attempts, first_attempt_at, code, enhanced_code, reply, queue_id, account, message_id, updated_at, reason";
    /** The same columns of the recipients table aliased {@code r}, for queries that join the runs table (which has an id too). */
    private static final String R_RECIPIENT_COLUMNS = "r." + RECIPIENT_COLUMNS.replace(", ", ", r.");
    /** Who recorded each recipient's state: its run's host and pid, one primary-key lookup per row (none for unsent rows). */
    private static final String WITH_SENDER = " LEFT JOIN runs ru ON ru.id = r.run_id";

    private final Database db;

    public CampaignRepository(Database db) {
        this.db = db;
    }

    public Database database() { return db; }

    public CampaignRecord findOrCreate(String uid, String name, String documentPath) {
        return db.write(new AppEvent.CampaignStateChanged(uid), c -> {
            // Insert first, update if it was there: the write comes first, so two first sends of one campaign at once
            // (two desktops on a team store, the app and the command line on SQLite) wait for each other's commit
            // instead of failing, one on the unique uid, the other on SQLite's read-then-write lock upgrade.
            long now = System.currentTimeMillis();
            boolean created;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO campaigns(uid, name, document_path, state,"
                    + " created_at, updated_at) VALUES (?,?,?,?,?,?) ON CONFLICT(uid) DO NOTHING")) {
                p.setString(1, uid);
                p.setString(2, name);
                p.setString(3, documentPath);
                p.setString(4, CampaignStatus.READY.name());
                p.setLong(5, now);
                p.setLong(6, now);
                created = p.executeUpdate() == 1;
            }
            if (!created) {
                try (PreparedStatement p = c.prepareStatement("UPDATE campaigns SET name = ?, document_path = ? WHERE uid = ?")) {
                    p.setString(1, name);
                    p.setString(2, documentPath);
                    p.setString(3, uid);
                    p.executeUpdate();
                }
            }
            return find(c, uid).orElseThrow();
        });
    }

    public Optional<CampaignRecord> find(String uid) {
        return db.read(c -> find(c, uid));
    }

    /**
     * The folder of the campaign's document where it was last opened from, where its exports start; empty when it has
     * none, or when the path was written on another kind of computer (a team store) and means nothing here.
     */
    public Optional<java.nio.file.Path> documentFolder(String uid) {
        String path = db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT document_path FROM campaigns WHERE uid = ?")) {
                p.setString(1, uid);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (path == null || path.isBlank()) return Optional.empty();
        try {
            return Optional.ofNullable(java.nio.file.Path.of(path).toAbsolutePath().getParent());
        } catch (java.nio.file.InvalidPathException foreign) {
            return Optional.empty();
        }
    }

    private static Optional<CampaignRecord> find(Connection c, String uid) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id, uid, name, state, state_reason, frozen_at FROM campaigns WHERE uid = ?")) {
            p.setString(1, uid);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                long frozen = rs.getLong(6);
                Long frozenAt = rs.wasNull() ? null : frozen;
                return Optional.of(new CampaignRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                        CampaignStatus.valueOf(rs.getString(4)), rs.getString(5), frozenAt));
            }
        }
    }

    /**
     * Stores the frozen recipient list in one transaction: a crash while freezing leaves the campaign unfrozen,
     * and the next run freezes it again from scratch.
     */
    public void freeze(long campaignId, FrozenSource recipients) {
        // SQLite: the skip pass reads the contacts beside the copy (SkipPassAside); a team store reads the copies.
        boolean skipPassAside = db.dialect() == Dialect.SQLITE;
        boolean frozeHere = db.inTransaction(c -> {
            if (!lockUnfrozen(c, campaignId)) return false; // someone froze it first
            long now = System.currentTimeMillis();
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO recipients(campaign_id, seq, email, fields, state, reason, updated_at) VALUES (?,?,?,?,?,?,?)")) {
                long[] seq = {0};
                int[] batch = {0};
                SQLException[] failed = {null};
                recipients.emit(r -> {
                    if (failed[0] != null) return;
                    try {
                    p.setLong(1, campaignId);
                    p.setLong(2, ++seq[0]);
                    p.setString(3, r.email());
                    p.setString(4, r.fieldsJson());
                    p.setString(5, r.skipReason() == null ? RecipientState.PENDING.name() : RecipientState.SKIPPED.name());
                    p.setString(6, r.skipReason());
                    p.setLong(7, now);
                    p.addBatch();
                    if (++batch[0] == 5000) {
                        p.executeBatch();
                        batch[0] = 0;
                    }
                    } catch (SQLException e) {
                        failed[0] = e;
                    }
                });
                if (failed[0] != null) throw failed[0];
                if (batch[0] > 0) p.executeBatch();
            }
            markFrozen(c, campaignId, now);
            return true;
        });
        if (frozeHere && db.dialect() == Dialect.POSTGRES) refreshStatistics();
    }

    /**
     * A team store's planner statistics after a freeze: until its autovacuum gets to them (a minute or more), they
     * still describe the table without the new recipients, and the senders' claims (RecipientClaims) were then planned
     * as a scan of every pending recipient of the campaign for each queue's worth, instead of a walk along the ids.
     */
    private void refreshStatistics() {
        db.inTransaction(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("ANALYZE recipients");
            }
            return null;
        });
    }

    /**
     * Freezes the contacts of a list that pass the filter, in one transaction as {@link #freeze} does, with the rows
     * copied inside the store: one {@code INSERT ... SELECT} writes every recipient PENDING with the contact's stored
     * address and fields, then a pass over the new rows (address, and fields only when the rule reads them) marks those
     * the rule skips. Freezing 50,000 took 0.9-1.2 s with the rows through Java, ~0.6 s this way (docs/performance.md).
     */
    public void freezeFromList(long campaignId, long listId, Condition filter, SkipRule skips) {
        // SQLite: the skip pass reads the contacts beside the copy (SkipPassAside); a team store reads the copies.
        boolean skipPassAside = db.dialect() == Dialect.SQLITE;
        boolean frozeHere = db.inTransaction(c -> {
            if (!lockUnfrozen(c, campaignId)) return false; // someone froze it first
            long now = System.currentTimeMillis();
            // Taken after the lock: no other process changes the list until this transaction ends.
            ContactSelection selection = ContactRepository.select(c, listId, filter);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO recipients(campaign_id, seq, email, fields, state, updated_at)"
                    + " SELECT ?, ROW_NUMBER() OVER (ORDER BY contacts.id), contacts.email, contacts.fields, ?, ? FROM contacts"
                    + " WHERE " + selection.condition() + " ORDER BY contacts.id")) {
                p.setLong(1, campaignId);
                p.setString(2, RecipientState.PENDING.name());
                p.setLong(3, now);
                selection.bind(p, 4);
                // SQLite: the skip pass reads the same contacts on a second connection while this INSERT copies them.
                // Both see the state at the lock taken above (nobody else can write until this transaction ends), so
                // the n-th contact it reads is the recipient with seq n. On a team store the pass reads the copies.
                SkipPassAside aside = skipPassAside ? SkipPassAside.start(db, listId, filter, skips) : null;
                try {
                    // Rolled back: a campaign frozen with nobody would never take anyone later (NobodyToSendException).
                    if (p.executeUpdate() == 0) throw new NobodyToSendException();
                    if (aside != null) applySkipMarks(c, campaignId, aside.marks());
                } finally {
                    if (aside != null) aside.awaitEnd();
                }
            }
            if (!skipPassAside) markSkipped(c, campaignId, skips);
            markFrozen(c, campaignId, now);
            return true;
        });
        if (frozeHere && db.dialect() == Dialect.POSTGRES) refreshStatistics();
    }

    /** Decides whether a recipient being frozen is SKIPPED, and why. */
    public interface SkipRule {
        /** Why the address (stripped of surrounding blanks) is not sent to, or null when it is. */
        String reason(String email, String fieldsJson);

        /** False when {@link #reason} ignores the fields, which are then not read (it gets "{}"). */
        boolean readsFields();
    }

    /** Rows read per page of the skip pass; each page's cursor is closed before its rows are updated. */
    private static final int SKIP_PAGE = 5000;
    private static final String SKIP_UPDATE = "UPDATE recipients SET email = ?, state = ?, reason = ? WHERE campaign_id = ? AND seq = ?";

    /** A recipient the skip pass changes: its address stripped of surrounding blanks, and SKIPPED when there is a reason. */
    private record SkipMark(long seq, String email, String reason) {}

    /** The change the skip rule makes to the recipient with this seq, or null when it is sent as stored. */
    private static SkipMark skipMark(long seq, String stored, String fieldsJson, SkipRule skips) {
        String email = stored.strip();
        String reason = skips.reason(email, skips.readsFields() ? fieldsJson : "{}");
        return reason == null && email.equals(stored) ? null : new SkipMark(seq, email, reason);
    }

    private static void addSkipMark(PreparedStatement update, long campaignId, SkipMark m) throws SQLException {
        update.setString(1, m.email());
        update.setString(2, (m.reason() == null ? RecipientState.PENDING : RecipientState.SKIPPED).name());
        update.setString(3, m.reason());
        update.setLong(4, campaignId);
        update.setLong(5, m.seq());
        update.addBatch();
    }

    private static void applySkipMarks(Connection c, long campaignId, List<SkipMark> marks) throws SQLException {
        if (marks.isEmpty()) return;
        try (PreparedStatement update = c.prepareStatement(SKIP_UPDATE)) {
            for (SkipMark m : marks) addSkipMark(update, campaignId, m);
            update.executeBatch();
        }
    }

    /** The skip pass over the recipients already copied, page by page (a team store's freeze). */
    private static void markSkipped(Connection c, long campaignId, SkipRule skips) throws SQLException {
        String columns = skips.readsFields() ? "seq, email, fields" : "seq, email";
        long afterSeq = 0;
        try (PreparedStatement page = c.prepareStatement("SELECT " + columns + " FROM recipients WHERE campaign_id = ? AND seq > ?"
                     + " ORDER BY seq LIMIT " + SKIP_PAGE);
             PreparedStatement update = c.prepareStatement(SKIP_UPDATE)) {
            while (true) {
                page.setLong(1, campaignId);
                page.setLong(2, afterSeq);
                int rows = 0;
                int marked = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        afterSeq = rs.getLong(1);
                        SkipMark m = skipMark(afterSeq, rs.getString(2), skips.readsFields() ? rs.getString(3) : null, skips);
                        if (m == null) continue;
                        addSkipMark(update, campaignId, m);
                        marked++;
                    }
                }
                if (marked > 0) update.executeBatch();
                if (rows < SKIP_PAGE) return;
            }
        }
    }

    /**
     * The skip pass of a SQLite freeze on a thread and connection of its own, reading the contacts the freeze's INSERT
     * copies, in the same order, while it copies them: the two halves of a freeze run on two cores (at 50,000
     * contacts each is ~0.2 s). Its connection only reads, so it never waits for the freeze's write lock.
     */
    private static final class SkipPassAside {
        private final java.util.concurrent.CompletableFuture<List<SkipMark>> result = new java.util.concurrent.CompletableFuture<>();
        private final Thread thread;

        private SkipPassAside(Database db, long listId, Condition filter, SkipRule skips) {
            thread = new Thread(() -> {
                try {
                    result.complete(db.read(r -> read(r, listId, filter, skips)));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            }, "broadside-freeze-skip-pass");
            thread.setDaemon(true);
        }

        static SkipPassAside start(Database db, long listId, Condition filter, SkipRule skips) {
            SkipPassAside aside = new SkipPassAside(db, listId, filter, skips);
            aside.thread.start();
            return aside;
        }

        private static List<SkipMark> read(Connection r, long listId, Condition filter, SkipRule skips) throws SQLException {
            ContactSelection selection = ContactRepository.select(r, listId, filter);
            String columns = skips.readsFields() ? "contacts.email, contacts.fields" : "contacts.email";
            List<SkipMark> marks = new ArrayList<>();
            try (PreparedStatement p = r.prepareStatement("SELECT " + columns + " FROM contacts WHERE " + selection.condition()
                    + " ORDER BY contacts.id")) {
                selection.bind(p, 1);
                try (ResultSet rs = p.executeQuery()) {
                    long seq = 0;
                    while (rs.next()) {
                        SkipMark m = skipMark(++seq, rs.getString(1), skips.readsFields() ? rs.getString(2) : null, skips);
                        if (m != null) marks.add(m);
                    }
                }
            }
            return marks;
        }

        /** The changes it found; its failure (a rule's, or the database's) as the freeze's own. */
        List<SkipMark> marks() {
            try {
                return result.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw e;
            }
        }

        /** Waits until its connection is closed, whatever the freeze's outcome, so no reader outlives the freeze. */
        void awaitEnd() {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * Takes the campaign's write lock and answers whether it is still unfrozen. Two processes may start the same
     * campaign at once (two windows, or two machines on a team store). A write first takes the campaign's lock
     * (SQLite's write lock, PostgreSQL's row lock) before the check reads, so the second waits for the first's freeze
     * and then finds it frozen; reading first, SQLite would refuse the second's later write as busy instead of waiting.
     */
    private static boolean lockUnfrozen(Connection c, long campaignId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("UPDATE campaigns SET updated_at = updated_at WHERE id = ?")) {
            lock.setLong(1, campaignId);
            lock.executeUpdate();
        }
        try (PreparedStatement check = c.prepareStatement("SELECT frozen_at FROM campaigns WHERE id = ?")) {
            check.setLong(1, campaignId);
            try (ResultSet rs = check.executeQuery()) {
                rs.next();
                rs.getLong(1);
                return rs.wasNull();
            }
        }
    }

    private static void markFrozen(Connection c, long campaignId, long now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE campaigns SET frozen_at = ?, updated_at = ? WHERE id = ?")) {
            p.setLong(1, now);
            p.setLong(2, now);
            p.setLong(3, campaignId);
            p.executeUpdate();
        }
    }

    public Map<RecipientState, Long> counts(long campaignId) {
        if (db.dialect() == Dialect.POSTGRES) {
            return db.inTransaction(c -> {
                // Senders and windows count a campaign every second or two while it sends. PostgreSQL would count a
                // large one with parallel workers: sooner, but at several times the CPU, taken from the senders.
                try (PreparedStatement p = c.prepareStatement("SELECT set_config('max_parallel_workers_per_gather', '0', true)")) {
                    p.execute();
                }
                return countsIn(c, campaignId);
            });
        }
        return db.read(c -> countsIn(c, campaignId));
    }

    private static Map<RecipientState, Long> countsIn(Connection c, long campaignId) throws SQLException {
        Map<RecipientState, Long> out = new EnumMap<>(RecipientState.class);
        try (PreparedStatement p = c.prepareStatement("SELECT state, COUNT(*) FROM recipients WHERE campaign_id = ? GROUP BY state")) {
            p.setLong(1, campaignId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.put(RecipientState.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        return out;
    }

    /**
     * The next due recipients after {@code afterId}, in id order: PENDING, DEFERRED whose retry time has come,
     * and UNKNOWN when the user asked to re-send those.
     */
    public List<RecipientRow> due(long campaignId, long afterId, long now, boolean includeUnknown, int limit) {
        return due(campaignId, afterId, lastRecipientId(campaignId), now, includeUnknown, limit);
    }

    /** The highest row id of the campaign's recipients (0 when it has none): the end of its id range. */
    public long lastRecipientId(long campaignId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM recipients WHERE campaign_id = ? ORDER BY seq DESC LIMIT 1")) {
                p.setLong(1, campaignId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** Like {@link #due(long, long, long, boolean, int)} with the campaign's last row id known (see lastRecipientId). */
    public List<RecipientRow> due(long campaignId, long afterId, long lastId, long now, boolean includeUnknown, int limit) {
        return db.read(c -> {
            // Walk the campaign's rows in id order (its rows are contiguous: frozen in one transaction) instead of the
            // state index: through the index SQLite would sort every PENDING row for each page, which is quadratic
            // over a million recipients. SQLite's unary + keeps the planner on the rowid range.
            Dialect d = db.dialect();
            String state = d.withoutIndex("state");
            String sql = "SELECT " + RECIPIENT_COLUMNS + " FROM recipients WHERE id > ? AND id <= ? AND " + d.withoutIndex("campaign_id")
                    + " = ? AND (" + state + " = 'PENDING' OR (" + state + " = 'DEFERRED' AND COALESCE(next_attempt_at, 0) <= ?)"
                    + (includeUnknown ? " OR " + state + " = 'UNKNOWN'" : "") + ") ORDER BY id LIMIT ?";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setLong(1, afterId);
                p.setLong(2, lastId);
                p.setLong(3, campaignId);
                p.setLong(4, now);
                p.setInt(5, limit);
                List<RecipientRow> out = new ArrayList<>(limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(row(rs));
                }
                return out;
            }
        });
    }

    /** The earliest retry time of a DEFERRED recipient, or null when none is deferred. */
    public Long earliestRetry(long campaignId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT MIN(COALESCE(next_attempt_at, 0)) FROM recipients WHERE campaign_id = ? AND state = 'DEFERRED'")) {
                p.setLong(1, campaignId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    long v = rs.getLong(1);
                    return rs.wasNull() ? null : v;
                }
            }
        });
    }

    public Optional<RecipientRow> recipient(long campaignId, String email) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + RECIPIENT_COLUMNS
                    + " FROM recipients WHERE campaign_id = ? AND " + emailIgnoringCase() + " ORDER BY id LIMIT 1")) {
                p.setLong(1, campaignId);
                p.setString(2, email.strip());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * "email equals the parameter, ignoring case". On the team store both sides are cast to citext (as its email
     * index is): a text parameter would otherwise make PostgreSQL compare as text, with case.
     */
    private String emailIgnoringCase() {
        return db.dialect() == Dialect.SQLITE ? "email = ? COLLATE NOCASE" : db.dialect().nocase("email") + " = ?::citext";
    }

    /** A page of recipients in id order, optionally of one state: for tables that load lazily. */
    public List<RecipientRow> page(long campaignId, RecipientState state, long offset, int limit) {
        return db.read(c -> {
            String sql = "SELECT " + RECIPIENT_COLUMNS + " FROM recipients WHERE campaign_id = ?"
                    + (state == null ? "" : " AND state = ?") + " ORDER BY id LIMIT ? OFFSET ?";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = 1;
                p.setLong(i++, campaignId);
                if (state != null) p.setString(i++, state.name());
                p.setInt(i++, limit);
                p.setLong(i, offset);
                List<RecipientRow> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(row(rs));
                }
                return out;
            }
        });
    }

    /**
     * A recipient as a table shows it: its row, while it waits for a retry when that retry is due, and the process that
     * recorded its state (null while no run has).
     */
    public record ListedRecipient(RecipientRow row, Long nextAttemptAt, SentBy sentBy) {
        public ListedRecipient(RecipientRow row, Long nextAttemptAt) {
            this(row, nextAttemptAt, null);
        }
    }

    /** The lowest row id of the campaign's recipients (0 when it has none): with lastRecipientId, its id range. */
    public long firstRecipientId(long campaignId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM recipients WHERE campaign_id = ? ORDER BY seq LIMIT 1")) {
                p.setLong(1, campaignId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /**
     * The recipients with ids from {@code fromId} to {@code toId} (both included), in id order. A campaign's rows are
     * contiguous (frozen in one transaction), so a table reads any page of a million recipients by range, not by
     * OFFSET, which would walk every row before the page.
     */
    public List<ListedRecipient> listedBetween(long campaignId, long fromId, long toId) {
        return listed("SELECT " + R_RECIPIENT_COLUMNS + ", r.next_attempt_at, ru.host, ru.pid FROM recipients r" + WITH_SENDER
                + " WHERE r.id >= ? AND r.id <= ? AND " + db.dialect().withoutIndex("r.campaign_id") + " = ? ORDER BY r.id",
                p -> {
                    p.setLong(1, fromId);
                    p.setLong(2, toId);
                    p.setLong(3, campaignId);
                });
    }

    /**
     * A page of the recipients in one state, ordered as the state index holds them (by next attempt, then id), so a
     * page deep in a large state skips index entries instead of sorting the whole state for every page.
     */
    public List<ListedRecipient> listedInState(long campaignId, RecipientState state, long offset, int limit) {
        // SQLite is told the index (its planner would sort the state by id instead); PostgreSQL finds it by itself,
        // once it is told to order NULLs as SQLite and the index do.
        // The page is cut first and joined to runs after, so the rows OFFSET skips cost no lookup; the outer ORDER BY
        // sorts only the page's rows (a join does not promise to keep the inner order).
        Dialect d = db.dialect();
        return listed("SELECT " + R_RECIPIENT_COLUMNS + ", r.next_attempt_at, ru.host, ru.pid FROM (SELECT " + RECIPIENT_COLUMNS
                + ", next_attempt_at, run_id FROM recipients"
                + (d == Dialect.SQLITE ? " INDEXED BY recipients_by_state" : "")
                + " WHERE campaign_id = ? AND state = ? ORDER BY " + d.ascendingNullsFirst("next_attempt_at") + ", id LIMIT ? OFFSET ?) r"
                + WITH_SENDER + " ORDER BY " + d.ascendingNullsFirst("r.next_attempt_at") + ", r.id", p -> {
                    p.setLong(1, campaignId);
                    p.setString(2, state.name());
                    p.setInt(3, limit);
                    p.setLong(4, offset);
                });
    }

    private interface Binder {
        void bind(PreparedStatement p) throws SQLException;
    }

    private List<ListedRecipient> listed(String sql, Binder binder) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                binder.bind(p);
                List<ListedRecipient> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        long next = rs.getLong(16);
                        Long nextAttemptAt = rs.wasNull() ? null : next;
                        out.add(new ListedRecipient(row(rs), nextAttemptAt, sentBy(rs, 17)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Streams every recipient of a campaign in order with the process that recorded its state (null while no run has),
     * for the per-recipient report.
     */
    public void forEachRecipientWithSender(long campaignId, BiConsumer<RecipientRow, SentBy> consumer) {
        db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + R_RECIPIENT_COLUMNS + ", ru.host, ru.pid FROM recipients r"
                    + WITH_SENDER + " WHERE r.campaign_id = ? ORDER BY r.id")) {
                p.setLong(1, campaignId);
                p.setFetchSize(2000);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) consumer.accept(row(rs), sentBy(rs, 16));
                }
            }
            return null;
        });
    }

    /** Streams every recipient of a campaign in order, for reports. */
    public void forEachRecipient(long campaignId, Consumer<RecipientRow> consumer) {
        db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + RECIPIENT_COLUMNS + " FROM recipients WHERE campaign_id = ? ORDER BY id")) {
                p.setLong(1, campaignId);
                p.setFetchSize(2000);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) consumer.accept(row(rs));
                }
            }
            return null;
        });
    }

    public long startRun(long campaignId) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO runs(campaign_id, started_at) VALUES (?,?)", new String[] {"id"})) {
                p.setLong(1, campaignId);
                p.setLong(2, System.currentTimeMillis());
                p.executeUpdate();
                try (ResultSet rs = p.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public void endRun(long runId, String outcome) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE runs SET ended_at = ?, outcome = ? WHERE id = ?")) {
                p.setLong(1, System.currentTimeMillis());
                p.setString(2, outcome);
                p.setLong(3, runId);
                p.executeUpdate();
            }
            return null;
        });
    }

    public void setStatus(long campaignId, CampaignStatus status, String reason) {
        String uid = db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE campaigns SET state = ?, state_reason = ?, updated_at = ? WHERE id = ?")) {
                p.setString(1, status.name());
                p.setString(2, reason);
                p.setLong(3, System.currentTimeMillis());
                p.setLong(4, campaignId);
                p.executeUpdate();
            }
            db.markChanged(c, new AppEvent.CampaignStateChanged(null));
            try (PreparedStatement p = c.prepareStatement("SELECT uid FROM campaigns WHERE id = ?")) {
                p.setLong(1, campaignId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        db.events().publish(new AppEvent.CampaignStateChanged(uid));
    }

    /** Runs of a campaign, newest last: (id, startedAt). */
    public List<long[]> runs(long campaignId) {
        return db.read(c -> {
            List<long[]> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, started_at FROM runs WHERE campaign_id = ? ORDER BY id")) {
                p.setLong(1, campaignId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            return out;
        });
    }

    /**
     * Connection log lines of a campaign, in order. connection 0 means all; recipientId 0 means all, otherwise the
     * whole connection conversation around that recipient's transactions is returned by the caller's choice.
     */
    public void forEachLogLine(long campaignId, long runId, int connection, Consumer<LogLine> consumer) {
        db.read(c -> {
            String sql = "SELECT l.id, l.run_id, l.connection_no, l.at, l.direction, l.line, COALESCE(l.recipient_id, 0) "
                    + "FROM connection_log l JOIN runs r ON r.id = l.run_id WHERE r.campaign_id = ?"
                    + (runId > 0 ? " AND l.run_id = ?" : "") + (connection > 0 ? " AND l.connection_no = ?" : "")
                    + " ORDER BY l.run_id, l.connection_no, l.id";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = 1;
                p.setLong(i++, campaignId);
                if (runId > 0) p.setLong(i++, runId);
                if (connection > 0) p.setInt(i, connection);
                p.setFetchSize(2000);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String direction = rs.getString(5);
                        if (LogBlocks.DIRECTION.equals(direction)) {
                            LogBlocks.decode(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getLong(7), rs.getString(6), consumer);
                        } else {
                            consumer.accept(new LogLine(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4),
                                    LineDirection.valueOf(direction), rs.getString(6), rs.getLong(7)));
                        }
                    }
                }
            }
            return null;
        });
    }

    /** (runId, connection) pairs that carried a transaction for this recipient. */
    public List<long[]> connectionsOf(long recipientId) {
        return db.read(c -> {
            List<long[]> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT DISTINCT run_id, connection_no FROM connection_log WHERE recipient_id = ? ORDER BY run_id, connection_no")) {
                p.setLong(1, recipientId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            return out;
        });
    }

    /** Messages this account had accepted since the given time, across campaigns: the start of its hourly/daily quota. */
    public long sentSince(String account, long sinceMillis) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT COUNT(*) FROM recipients WHERE account = ? AND state IN ('SENT','UNKNOWN') AND updated_at >= ?")) {
                p.setString(1, account);
                p.setLong(2, sinceMillis);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The run's host and pid at {@code column} and the one after it. */
    private static SentBy sentBy(ResultSet rs, int column) throws SQLException {
        String host = rs.getString(column);
        long pid = rs.getLong(column + 1);
        return SentBy.of(host, rs.wasNull() ? null : pid);
    }

    static RecipientRow row(ResultSet rs) throws SQLException {
        long first = rs.getLong(7);
        Long firstAttempt = rs.wasNull() ? null : first;
        return new RecipientRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                RecipientState.valueOf(rs.getString(5)), rs.getInt(6), firstAttempt, rs.getInt(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getLong(14), rs.getString(15));
    }
}
