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
import org.broadside.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a source into a list in one SQLite transaction: a failure halfway (bad file, lost database connection,
 * cancel) rolls back, so nothing already in the list is lost or half-changed. Memory stays flat: rows go to
 * SQLite in batches and duplicates are detected with 64-bit hashes of the address keys.
 */
public final class ContactImporter {
    public static final int MAX_LISTED_PROBLEMS = 1000;
    private static final int BATCH = 2000;
    private static final int MAX_SHOWN_VALUE = 200;
    private static final String UPSERT = "INSERT INTO contacts(list_id, email, email_key, fields, created_at, updated_at) "
            + "VALUES (?,?,?,?,?,?) ON CONFLICT(list_id, email_key) DO UPDATE SET "
            + "fields = json_patch(contacts.fields, excluded.fields), email = excluded.email, updated_at = excluded.updated_at "
            + "WHERE json_patch(contacts.fields, excluded.fields) <> contacts.fields OR contacts.email <> excluded.email";

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
        private int pending;

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
            List<String> names = canonicalNames(list);
            List<Integer> indexes = new ArrayList<>(mapping.fieldColumns().values());
            long before = count(list.id());
            if (options.removeMissing()) createSeenTable();
            long now = System.currentTimeMillis();
            try (PreparedStatement upsert = c.prepareStatement(UPSERT);
                 PreparedStatement seenInsert = options.removeMissing()
                         ? c.prepareStatement("INSERT OR IGNORE INTO temp.import_seen(email_key) VALUES (?)") : null) {
                SourceRow row;
                while ((row = source.next()) != null) {
                    read++;
                    if (row.problem() != null) {
                        invalid(row.line(), row.problem(), null);
                        continue;
                    }
                    String email = cleanAddress(row.value(mapping.emailColumn()));
                    String problem = EmailSyntax.problem(email);
                    if (problem != null) {
                        invalid(row.line(), problem, email);
                        continue;
                    }
                    String key = EmailKeys.key(email);
                    if (seenInsert != null) {
                        seenInsert.setString(1, key);
                        seenInsert.addBatch();
                    }
                    if (!seen.add(LongHashSet.hash(key))) {
                        duplicates++;
                        continue;
                    }
                    String tooLarge = tooLargeValue(row, indexes);
                    if (tooLarge != null) {
                        invalid(row.line(), tooLarge, null, ImportReport.Problem.Kind.FIELD_TOO_LARGE);
                        continue;
                    }
                    if (options.skipBlacklisted() && blacklist.match(email) != null) {
                        blacklisted++;
                        continue;
                    }
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) fields.put(names.get(i), row.value(indexes.get(i)).strip());
                    upsert.setLong(1, list.id());
                    upsert.setString(2, email);
                    upsert.setString(3, key);
                    upsert.setString(4, FieldsJson.write(fields));
                    upsert.setLong(5, now);
                    upsert.setLong(6, now);
                    upsert.addBatch();
                    upserted++;
                    if (++pending == BATCH) flush(upsert, seenInsert);
                }
                flush(upsert, seenInsert);
            }
            long afterUpsert = count(list.id());
            long removed = 0;
            if (options.removeMissing()) removed = removeMissing(list.id());
            long added = afterUpsert - before;
            long updated = changed - added;
            return new ImportReport(list.name(), read, added, updated, upserted - changed, duplicates, invalid, blacklisted,
                    removed, problems, source.unit(), Duration.ofNanos(System.nanoTime() - started));
        }

        private void flush(PreparedStatement upsert, PreparedStatement seenInsert) throws SQLException {
            if (Thread.currentThread().isInterrupted()) {
                throw new ImportException("The import was cancelled; the list was left as it was.");
            }
            if (pending > 0) {
                for (int n : upsert.executeBatch()) changed += Math.max(n, 0);
            }
            if (seenInsert != null) seenInsert.executeBatch();
            pending = 0;
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
        private String tooLargeValue(SourceRow row, List<Integer> indexes) {
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
                s.execute("DROP TABLE IF EXISTS temp.import_seen");
                s.execute("CREATE TEMP TABLE import_seen(email_key TEXT PRIMARY KEY) WITHOUT ROWID");
            }
        }

        private long removeMissing(long listId) throws SQLException {
            if (upserted + blacklisted == 0) {
                throw new ImportException("The source returned no usable rows, so no contact was removed and the list was left as it was.");
            }
            try (PreparedStatement p = c.prepareStatement(
                    "DELETE FROM contacts WHERE list_id = ? AND email_key NOT IN (SELECT email_key FROM temp.import_seen)")) {
                p.setLong(1, listId);
                return p.executeUpdate();
            }
        }
    }

    /** Trims what spreadsheets and address books wrap around addresses: spaces, "mailto:", angle brackets. */
    static String cleanAddress(String raw) {
        String e = raw.strip();
        if (e.regionMatches(true, 0, "mailto:", 0, 7)) e = e.substring(7).strip();
        int lt = e.lastIndexOf('<');
        if (lt >= 0 && e.endsWith(">")) e = e.substring(lt + 1, e.length() - 1).strip();
        return e;
    }
}
