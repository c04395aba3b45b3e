package org.broadside.contacts.imports;

import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.EmailKeys;
import org.broadside.contacts.FieldsJson;
import org.broadside.contacts.LongHashSet;
import org.broadside.contacts.validation.EmailSyntax;
import org.broadside.events.AppEvent;
import org.broadside.store.Database;
import org.broadside.store.Dialect;
import org.broadside.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Streams a source into a list in one SQLite transaction: a failure halfway (bad file, lost database connection,
 * cancel) rolls back, so nothing already in the list is lost or half-changed. Memory stays flat: rows go to
 * SQLite in batches and duplicates are detected with 64-bit hashes of the address keys. The calling thread reads and
 * checks rows while a writer thread inserts the previous batch (SQLite is half of an import's time); the calling
 * thread alone commits or rolls back, after the writer has stopped.
 */
public final class ContactImporter {
    public static final int MAX_LISTED_PROBLEMS = 1000;
    private static final int MAX_SHOWN_VALUE = 200;
    /**
     * The list and the time are the same for every row: written into the statement (numbers, never text from the
     * source) they cost no binding per row, half of the statement's parameters. The key is bound as NULL when it
     * is the address itself (nearly always), which spares the writer one text conversion per row. Into a list
     * that had no contacts when the import began, rows are plainly inserted: the import's own duplicate check
     * already left out repeated keys, and should a row conflict anyway, the insert fails and the import rolls back.
     */
    private static String insert(long listId, long now, boolean emptyList) {
        String insert = "INSERT INTO contacts(list_id, email, email_key, fields, created_at, updated_at) "
                + "VALUES (" + listId + ",?1,coalesce(?2,?1),?3," + now + "," + now + ")";
        if (emptyList) return insert;
        return insert + " ON CONFLICT(list_id, email_key) DO UPDATE SET "
                + "fields = json_patch(contacts.fields, excluded.fields), email = excluded.email, updated_at = excluded.updated_at "
                + "WHERE json_patch(contacts.fields, excluded.fields) <> contacts.fields OR contacts.email <> excluded.email";
    }

    private final Database db;

    public ContactImporter(Database db) {
        this.db = db;
    }

    public ImportReport importInto(String listName, ContactSource source, ColumnMapping mapping, ImportOptions options,
                                   ImportProgress progress) {
        long started = System.nanoTime();
        int importedColumns = mapping.fieldColumns().size() + 1;
        if (importedColumns > options.limits().maxColumns()) {
            throw new TooManyColumnsException(importedColumns, options.limits().maxColumns());
        }
        BlacklistRepository.Matcher blacklist = new BlacklistRepository(db).snapshot();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                Run run = new Run(c, listName, source, mapping, options, progress, blacklist);
                ImportReport report = run.execute(started);
                db.markChanged(c, new AppEvent.ListsChanged(listName));
                c.commit();
                db.events().publish(new AppEvent.ListsChanged(listName));
                return report;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("The import could not be written to the database: " + e.getMessage(), e);
        }
    }

    /** The state of one import while it runs. */
    private static final class Run {
        private final Connection c;
        private final String listName;
        private final ContactSource source;
        private final ColumnMapping mapping;
        private final ImportOptions options;
        private final ImportProgress progress;
        private final BlacklistRepository.Matcher blacklist;
        private final LongHashSet seen = new LongHashSet();
        private final List<ImportReport.Problem> problems = new ArrayList<>();
        private long read;
        private long duplicates;
        private long invalid;
        private long blacklisted;
        private long upserted;
        private long changed;

        Run(Connection c, String listName, ContactSource source, ColumnMapping mapping, ImportOptions options,
            ImportProgress progress, BlacklistRepository.Matcher blacklist) {
            this.c = c;
            this.listName = listName;
            this.source = source;
            this.mapping = mapping;
            this.options = options;
            this.progress = progress;
            this.blacklist = blacklist;
        }

        ImportReport execute(long started) throws SQLException {
            ContactList list = listFor(listName, mapping.fieldNames());
            FieldColumns fields = FieldColumns.of(canonicalNames(list), new ArrayList<>(mapping.fieldColumns().values()));
            int[] indexes = mapping.fieldColumns().values().stream().mapToInt(Integer::intValue).toArray();
            long before = count(list.id());
            if (options.removeMissing()) createSeenTable();
            long now = System.currentTimeMillis();
            boolean teamStore = Dialect.of(c) == Dialect.POSTGRES;
            try (PreparedStatement upsert = teamStore ? null : c.prepareStatement(insert(list.id(), now, before == 0));
                 PreparedStatement seenInsert = options.removeMissing() ? c.prepareStatement(teamStore
                         ? "INSERT INTO " + seenTable() + "(email_key) VALUES (?) ON CONFLICT DO NOTHING"
                         : "INSERT OR IGNORE INTO temp.import_seen(email_key) VALUES (?)") : null;
                 BatchWriter writer = new BatchWriter(upsert, teamStore ? new TeamStoreBatchInsert(c, list.id(), now, before == 0) : null,
                         seenInsert)) {
                Batch batch = new Batch(seenInsert != null);
                SourceRow row;
                while ((row = source.next()) != null) {
                    read++;
                    if (row.problem() != null) {
                        invalid(row.line(), row.problem(), null);
                        continue;
                    }
                    String raw = row.value(mapping.emailColumn());
                    String email = cleanAddress(raw);
                    String problem = spansLines(raw) ? ADDRESS_OVER_LINES : EmailSyntax.problem(email);
                    if (problem != null) {
                        invalid(row.line(), problem, email);
                        continue;
                    }
                    String key = EmailKeys.key(email);
                    batch.seen(key);
                    if (!seen.add(LongHashSet.hash(key))) {
                        duplicates++;
                        continue;
                    }
                    String tooLarge = tooLargeValue(row, indexes);
                    if (tooLarge != null) {
                        invalid(row.line(), tooLarge, null, ImportReport.Problem.Kind.FIELD_TOO_LARGE);
                        continue;
                    }
                    if (options.skipBlacklisted() && blacklist.matchKey(key) != null) {
                        blacklisted++;
                        continue;
                    }
                    batch.add(email, key, fields.json(row));
                    upserted++;
                    if (batch.full()) {
                        hand(writer, batch);
                        batch = new Batch(seenInsert != null);
                    }
                }
                hand(writer, batch);
                changed = writer.finish();
            }
            long afterUpsert = count(list.id());
            long removed = 0;
            if (options.removeMissing()) removed = removeMissing(list.id());
            long added = afterUpsert - before;
            long updated = changed - added;
            return new ImportReport(list.name(), read, added, updated, upserted - changed, duplicates, invalid, blacklisted,
                    removed, problems, source.unit(), Duration.ofNanos(System.nanoTime() - started));
        }

        /** Gives a batch to the writer, after asking whether the import was cancelled. */
        private void hand(BatchWriter writer, Batch batch) throws SQLException {
            if (Thread.currentThread().isInterrupted()) {
                throw new ImportException("The import was cancelled; the list was left as it was.");
            }
            writer.write(batch);
            progress.rowsRead(read);
        }

        private void invalid(long line, String reason, String value) {
            invalid(line, reason, value, ImportReport.Problem.Kind.OTHER);
        }

        private void invalid(long line, String reason, String value, ImportReport.Problem.Kind kind) {
            invalid++;
            // The value is cut: a thousand listed problems must not keep a thousand multi-megabyte cells in memory.
            String shown = value == null ? null : SafeText.of(value, MAX_SHOWN_VALUE);
            if (problems.size() < MAX_LISTED_PROBLEMS) problems.add(new ImportReport.Problem(line, reason, shown, kind));
        }

        /**
         * Why the row's first over-long value is refused, or null. The row is left out rather than the whole import
         * refused, as rows with a bad address are; its address still counts as seen, so a refresh that removes
         * missing contacts keeps the stored contact, untouched.
         */
        private String tooLargeValue(SourceRow row, int[] indexes) {
            int limit = options.limits().maxFieldChars();
            for (int index : indexes) {
                int length = row.value(index).length();
                if (length > limit) {
                    String column = index < source.columns().size() ? source.columns().get(index) : "Column " + (index + 1);
                    return String.format("the value in column \"%s\" has %,d characters; a field takes at most %,d",
                            SafeText.of(column, 60), length, limit);
                }
            }
            return null;
        }

        private ContactList listFor(String name, List<String> fieldNames) throws SQLException {
            ContactList list = ContactRepository.findList(c, name).orElse(null);
            if (list == null) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO lists(name, created_at) VALUES (?, ?)")) {
                    p.setString(1, name);
                    p.setLong(2, System.currentTimeMillis());
                    p.executeUpdate();
                }
            }
            long id = ContactRepository.findList(c, name).orElseThrow().id();
            ContactRepository.ensureFields(c, id, fieldNames);
            return ContactRepository.findList(c, name).orElseThrow();
        }

        /** The list's own spelling of each mapped field, so JSON keys always match the list's field names. */
        private List<String> canonicalNames(ContactList list) {
            List<String> out = new ArrayList<>();
            for (String wanted : mapping.fieldNames()) {
                String name = list.fields().stream().filter(f -> f.equalsIgnoreCase(wanted.strip())).findFirst()
                        .orElse(wanted.strip());
                out.add(name);
            }
            return out;
        }

        private long count(long listId) throws SQLException {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM contacts WHERE list_id = ?")) {
                p.setLong(1, listId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        private void createSeenTable() throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + seenTable());
                // A team store's connection goes back to a pool: its table goes with the transaction.
                s.execute(Dialect.of(c) == Dialect.POSTGRES
                        ? "CREATE TEMP TABLE import_seen(email_key TEXT PRIMARY KEY) ON COMMIT DROP"
                        : "CREATE TEMP TABLE import_seen(email_key TEXT PRIMARY KEY) WITHOUT ROWID");
            }
        }

        /** The temporary table of the addresses seen, in the schema each engine keeps a connection's temporary tables. */
        private String seenTable() throws SQLException {
            return Dialect.of(c) == Dialect.POSTGRES ? "pg_temp.import_seen" : "temp.import_seen";
        }

        private long removeMissing(long listId) throws SQLException {
            if (upserted + blacklisted == 0) {
                throw new ImportException("The source returned no usable rows, so no contact was removed and the list was left as it was.");
            }
            try (PreparedStatement p = c.prepareStatement(
                    "DELETE FROM contacts WHERE list_id = ? AND email_key NOT IN (SELECT email_key FROM " + seenTable() + ")")) {
                p.setLong(1, listId);
                return p.executeUpdate();
            }
        }
    }

    /**
     * The JSON of a row's mapped fields, in the list's spelling. Two columns mapped to one field behave as a map
     * would: the field keeps its first place and takes the last column's value.
     */
    private record FieldColumns(List<String> names, int[] columns) {
        static FieldColumns of(List<String> canonical, List<Integer> indexes) {
            Map<String, Integer> byName = new LinkedHashMap<>();
            for (int i = 0; i < canonical.size(); i++) byName.put(canonical.get(i), indexes.get(i));
            return new FieldColumns(List.copyOf(byName.keySet()),
                    byName.values().stream().mapToInt(Integer::intValue).toArray());
        }

        String json(SourceRow row) {
            String[] values = new String[columns.length];
            for (int i = 0; i < columns.length; i++) values[i] = row.value(columns[i]).strip();
            return FieldsJson.write(names, values);
        }
    }

    /** Rows ready for SQLite: what the reading thread hands to the writing thread in one piece. */
    private static final class Batch {
        static final int ROWS = 2000;
        final String[] emails = new String[ROWS];
        final String[] keys = new String[ROWS];
        final String[] json = new String[ROWS];
        final List<String> seenKeys;
        int size;

        Batch(boolean keepSeen) {
            seenKeys = keepSeen ? new ArrayList<>() : null;
        }

        void seen(String key) {
            if (seenKeys != null) seenKeys.add(key);
        }

        void add(String email, String key, String fieldsJson) {
            emails[size] = email;
            keys[size] = key;
            json[size] = fieldsJson;
            size++;
        }

        boolean full() { return size == ROWS; }
    }

    /**
     * Writes batches into SQLite on its own thread while the calling thread reads, checks and converts the next rows:
     * on two cores the reading and SQLite's inserting overlap instead of taking turns. One batch is written while
     * the next waits, so memory stays at a few batches. The connection is used by this thread only between
     * {@link #write} and {@link #finish}/{@link #close}, never by both at once; close waits for the thread to stop
     * before the caller may roll back.
     */
    private static final class BatchWriter implements AutoCloseable {
        private static final int IN_FLIGHT = 2;
        private final PreparedStatement upsert;
        private final TeamStoreBatchInsert teamStoreInsert;
        private final PreparedStatement seenInsert;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import-writer");
            t.setDaemon(true);
            return t;
        });
        private final Deque<Future<Long>> pending = new ArrayDeque<>();
        private long changed;

        /** With {@code upsert} on SQLite, with {@code teamStoreInsert} on a team store. */
        BatchWriter(PreparedStatement upsert, TeamStoreBatchInsert teamStoreInsert, PreparedStatement seenInsert) {
            this.upsert = upsert;
            this.teamStoreInsert = teamStoreInsert;
            this.seenInsert = seenInsert;
        }

        void write(Batch batch) throws SQLException {
            while (pending.size() >= IN_FLIGHT) changed += await(pending.pollFirst());
            pending.addLast(thread.submit(() -> store(batch)));
        }

        /** Waits for every batch; the number of rows SQLite inserted or changed. */
        long finish() throws SQLException {
            while (!pending.isEmpty()) changed += await(pending.pollFirst());
            return changed;
        }

        private long store(Batch batch) throws SQLException {
            long n = 0;
            if (batch.size > 0 && teamStoreInsert != null) {
                n = teamStoreInsert.write(batch.emails, batch.keys, batch.json, batch.size);
            } else if (batch.size > 0) {
                for (int i = 0; i < batch.size; i++) {
                    String email = batch.emails[i];
                    String key = batch.keys[i];
                    upsert.setString(1, email);
                    if (key.equals(email)) upsert.setNull(2, Types.VARCHAR);
                    else upsert.setString(2, key);
                    upsert.setString(3, batch.json[i]);
                    upsert.addBatch();
                }
                for (int count : upsert.executeBatch()) n += Math.max(count, 0);
            }
            if (seenInsert != null && !batch.seenKeys.isEmpty()) {
                for (String key : batch.seenKeys) {
                    seenInsert.setString(1, key);
                    seenInsert.addBatch();
                }
                seenInsert.executeBatch();
            }
            return n;
        }

        private static long await(Future<Long> batch) throws SQLException {
            try {
                return batch.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportException("The import was cancelled; the list was left as it was.");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SQLException sql) throw sql;
                if (cause instanceof RuntimeException runtime) throw runtime;
                if (cause instanceof Error error) throw error;
                throw new IllegalStateException(cause);
            }
        }

        /** Stops the thread, dropping batches not yet started, and waits until it no longer uses the connection. */
        @Override
        public void close() {
            thread.shutdownNow();
            boolean interrupted = false;
            while (true) {
                try {
                    if (thread.awaitTermination(1, TimeUnit.MINUTES)) break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Trims what spreadsheets and address books wrap around addresses: spaces, "mailto:", angle brackets. */
    /**
     * An address read over several lines: a quote opened on its line is closed only later in the file (a stray quote),
     * so the lines between were read into one value. Said as such, not as whatever the syntax check finds in the mix
     * ("contains '@' before the @"), since the user must fix the quotes, and the rows swallowed are in this one.
     */
    static final String ADDRESS_OVER_LINES = "the address runs over several lines: a quote (\") on this line is not closed"
            + " on it, so the lines after it were read into this row; check the quotes of this line";

    private static boolean spansLines(String raw) {
        return raw != null && (raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0);
    }

    static String cleanAddress(String raw) {
        String e = raw.strip();
        if (e.regionMatches(true, 0, "mailto:", 0, 7)) e = e.substring(7).strip();
        int lt = e.lastIndexOf('<');
        if (lt >= 0 && e.endsWith(">")) e = e.substring(lt + 1, e.length() - 1).strip();
        return e;
    }
}
