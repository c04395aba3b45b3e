package org.broadside.ui.imports;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.imports.ColumnMapping;
import org.broadside.contacts.imports.ContactImporter;
import org.broadside.contacts.imports.ContactSource;
import org.broadside.contacts.imports.ImportOptions;
import org.broadside.contacts.imports.ImportReport;
import org.broadside.contacts.imports.JdbcSource;
import org.broadside.contacts.imports.SavedSources;
import org.broadside.contacts.imports.SourceRow;
import org.broadside.events.AppEvent;
import org.broadside.events.EventSource;
import org.broadside.store.Database;
import org.broadside.ui.common.BackgroundRunner;
import org.broadside.ui.common.StoreSubscription;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The import wizard: choose a source, preview its first rows, map columns to fields, run the import with
 * progress and cancel, read the report, and optionally save the source to re-run it later.
 */
public final class ImportWizardViewModel {
    static final int PREVIEW_ROWS = 20;
    private final Database db;
    private final BackgroundRunner runner;
    private final ImportSourceForm source = new ImportSourceForm();
    private final StringProperty listName = new SimpleStringProperty("");
    private final ObservableList<String> listNames = FXCollections.observableArrayList();
    private final StoreSubscription store = new StoreSubscription(e -> {
        if (e instanceof AppEvent.ListsChanged) refreshLists();
    });
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final ObservableList<MappingRow> mapping = FXCollections.observableArrayList();
    private final ObservableList<String> targetChoices = FXCollections.observableArrayList("Email", "");
    /** The fields of each existing list, by name, to offer in the mapping when the import goes into that list. */
    private Map<String, List<String>> listFields = Map.of();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty report = new SimpleStringProperty("");
    private final StringProperty saveAs = new SimpleStringProperty("");
    private final BooleanProperty skipBlacklisted = new SimpleBooleanProperty(true);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final LongProperty rowsRead = new SimpleLongProperty();
    private final AtomicLong progress = new AtomicLong();
    private AtomicBoolean cancelled = new AtomicBoolean();
    /** Counts changes of the source, so a preview of an earlier source is not shown as this one's. */
    private long sourceVersion;
    private final Runnable onImported;
    private final java.util.function.Supplier<org.broadside.accounts.CredentialStore> credentials;

    /** @param credentials where a saved database source keeps its password (opened only when one is saved) */
    public ImportWizardViewModel(Database db, BackgroundRunner runner,
                                 java.util.function.Supplier<org.broadside.accounts.CredentialStore> credentials, Runnable onImported) {
        this.db = db;
        this.runner = runner;
        this.credentials = credentials;
        this.onImported = onImported;
        listName.addListener((o, a, b) -> updateTargetChoices());
        columns.addListener((javafx.collections.ListChangeListener<String>) c -> updateTargetChoices());
        javafx.beans.InvalidationListener changed = o -> sourceChanged();
        for (javafx.beans.Observable p : List.of(source.kind, source.file, source.format, source.database, source.host,
                source.port, source.databaseName, source.user, source.table, source.query, source.url)) {
            p.addListener(changed);
        }
    }

    /**
     * Another source: the preview and mapping were the last one's. Kept, they showed yesterday's rows under today's
     * file name, and Import applied the old file's column mapping to the new file (an address column mapped to a
     * name field, say).
     */
    private void sourceChanged() {
        sourceVersion++;
        if (columns.isEmpty() && mapping.isEmpty() && previewRows.isEmpty()) return;
        previewRows.clear();
        columns.clear();
        mapping.clear();
        status.set("The source changed: press Preview to read its columns and map them.");
    }

    /** What a column can go to: Email, nothing, the chosen list's fields, or a field named after a source column. */
    private void updateTargetChoices() {
        java.util.LinkedHashSet<String> choices = new java.util.LinkedHashSet<>(List.of("Email", ""));
        String list = listName.get() == null ? "" : listName.get().strip();
        listFields.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(list)).findFirst()
                .ifPresent(e -> choices.addAll(e.getValue()));
        choices.addAll(columns);
        if (!targetChoices.equals(new ArrayList<>(choices))) targetChoices.setAll(choices);
    }

    public ImportSourceForm source() { return source; }
    public StringProperty listNameProperty() { return listName; }
    public ObservableList<String> listNames() { return listNames; }
    public ObservableList<String> columns() { return columns; }
    public ObservableList<List<String>> previewRows() { return previewRows; }
    public ObservableList<MappingRow> mapping() { return mapping; }
    /** The choices of the mapping's "Goes to field" column (any other name can be typed). */
    public ObservableList<String> targetChoices() { return targetChoices; }
    public StringProperty statusProperty() { return status; }
    public StringProperty reportProperty() { return report; }
    public StringProperty saveAsProperty() { return saveAs; }
    public BooleanProperty skipBlacklistedProperty() { return skipBlacklisted; }
    public BooleanProperty runningProperty() { return running; }
    public LongProperty rowsReadProperty() { return rowsRead; }

    /** Where store changes come from (the app's bus on the FX thread); heard between {@link #activate} and {@link #deactivate}. */
    public void listenTo(EventSource events) { store.use(events); }

    /** The wizard shows: offer the lists as they are now, and follow lists created or deleted anywhere meanwhile. */
    public void activate() {
        store.open();
        refreshLists();
    }

    public void deactivate() { store.close(); }

    public void refreshLists() {
        runner.run(() -> new ContactRepository(db).lists(), lists -> {
                    List<String> names = lists.stream().map(l -> l.name()).toList();
                    if (!listNames.equals(names)) listNames.setAll(names);
                    Map<String, List<String>> fields = new LinkedHashMap<>();
                    lists.forEach(l -> fields.put(l.name(), l.fields()));
                    listFields = fields;
                    updateTargetChoices();
                },
                e -> status.set(e.getMessage()));
    }

    /** Connects to the database and reads nothing but the columns: proves host, login and table or query. */
    public void testConnection() {
        status.set("Connecting…");
        runner.run(() -> JdbcSource.preview(source.jdbc(), 1), p -> status.set("Connected: " + p.columns().size()
                + " columns (" + String.join(", ", p.columns()) + ")."), e -> status.set("✘ " + e.getMessage()));
    }

    /**
     * The lines among the first ones that cannot be read, named: the preview left them out without a word, and the
     * user learned of them only from the import's report.
     */
    static String unreadableSentence(List<String> unreadable) {
        if (unreadable.isEmpty()) return "";
        String first = unreadable.get(0);
        return unreadable.size() == 1 ? " 1 line cannot be read and will be left out: " + first + "."
                : " " + unreadable.size() + " lines cannot be read and will be left out, first " + first + ".";
    }

    /** Reads the columns and first rows, and proposes a mapping. */
    public void loadPreview() {
        status.set("Reading the first rows…");
        long version = sourceVersion;
        runner.run(() -> {
            try (ContactSource s = source.open()) {
                List<List<String>> rows = new ArrayList<>();
                List<String> unreadable = new ArrayList<>();
                SourceRow r;
                while (rows.size() < PREVIEW_ROWS && (r = s.next()) != null) {
                    if (r.problem() == null) rows.add(r.values());
                    else unreadable.add("line " + r.line() + ": " + r.problem());
                }
                return new Preview(s.columns(), rows, unreadable);
            }
        }, p -> {
            if (version != sourceVersion) return; // the source changed while it was read: its own preview comes next
            // Rows first: the view sizes each new column from its header and the rows it will show.
            previewRows.setAll(p.rows);
            columns.setAll(p.columns);
            ColumnMapping auto = ColumnMapping.automatic(p.columns);
            List<MappingRow> rows = new ArrayList<>();
            for (int i = 0; i < p.columns.size(); i++) {
                int col = i;
                String target = i == auto.emailColumn() ? "Email" : auto.fieldColumns().entrySet().stream()
                        .filter(e -> e.getValue() == col).map(Map.Entry::getKey).findFirst().orElse("");
                String sample = p.rows.isEmpty() || p.rows.get(0).size() <= i ? "" : p.rows.get(0).get(i);
                rows.add(new MappingRow(i, p.columns.get(i), sample, target));
            }
            mapping.setAll(rows);
            status.set(p.columns.size() + " columns; showing the first " + p.rows.size() + " rows." + unreadableSentence(p.unreadable));
        }, e -> status.set("✘ " + e.getMessage()));
    }

    private record Preview(List<String> columns, List<List<String>> rows, List<String> unreadable) {}

    /** The mapping the user set: exactly one column must go to Email. */
    ColumnMapping columnMapping() {
        int email = -1;
        Map<String, Integer> fields = new LinkedHashMap<>();
        for (MappingRow r : mapping) {
            String t = r.target();
            if (t.isEmpty()) continue;
            if (t.equalsIgnoreCase("email")) {
                if (email >= 0) throw new IllegalArgumentException("Only one column can go to Email.");
                email = r.column();
            } else if (fields.putIfAbsent(t, r.column()) != null) {
                throw new IllegalArgumentException("Two columns go to the field " + t + ".");
            }
        }
        if (email < 0) throw new IllegalArgumentException("Choose the column that holds the e-mail addresses (map it to Email).");
        return new ColumnMapping(email, fields);
    }

    public void runImport() {
        String list = listName.get() == null ? "" : listName.get().strip();
        ColumnMapping m;
        try {
            if (list.isEmpty()) throw new IllegalArgumentException("Choose or type the list to import into.");
            if (mapping.isEmpty()) throw new IllegalArgumentException("Preview the source first, then check the mapping.");
            m = columnMapping();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        AtomicBoolean cancel = new AtomicBoolean();
        cancelled = cancel;
        progress.set(0);
        rowsRead.set(0);
        running.set(true);
        report.set("");
        status.set("Importing…");
        String saveName = saveAs.get() == null ? "" : saveAs.get().strip();
        List<String> cols = List.copyOf(columns);
        ImportOptions options = new ImportOptions(false, skipBlacklisted.get());
        runner.run(() -> {
            ImportReport r;
            try (ContactSource s = new CancellableSource(source.open(), cancel)) {
                r = new ContactImporter(db).importInto(list, s, m, options, progress::set);
            }
            if (!saveName.isEmpty()) {
                long listId = new ContactRepository(db).requireList(list).id();
                var config = source.config(m.describe(cols));
                if ("jdbc".equals(config.kind()) && !source.password.get().isEmpty()) {
                    // Like the CLI: the password lives in the credential store, so a refresh needs no variable.
                    credentials.get().put(org.broadside.accounts.CredentialKeys.importSource(saveName), source.password.get().toCharArray());
                }
                new SavedSources(db).save(saveName, listId, config);
            }
            return r;
        }, r -> {
            running.set(false);
            rowsRead.set(r.read());
            report.set(r.format());
            status.set("Done." + (saveName.isEmpty() ? "" : " Saved as the source \"" + saveName + "\"."));
            onImported.run();
        }, e -> {
            running.set(false);
            status.set(e.getMessage());
        });
    }

    public void cancel() {
        cancelled.set(true);
        status.set("Cancelling…");
    }

    /** Shows how far the running import got; called by the view on its ticker. */
    public void pollProgress() {
        if (running.get()) rowsRead.set(progress.get());
    }
}
