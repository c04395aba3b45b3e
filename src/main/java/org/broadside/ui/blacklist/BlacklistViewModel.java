package org.broadside.ui.blacklist;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.BlacklistRepository.BlacklistEntry;
import org.broadside.ui.common.BackgroundRunner;

import java.util.List;
import java.util.Locale;

/** The global blacklist: addresses and whole domains ("@example.com") that no campaign ever sends to. */
public final class BlacklistViewModel {
    private final org.broadside.ui.common.StoreSubscription store = new org.broadside.ui.common.StoreSubscription(e -> {
        if (e instanceof org.broadside.events.AppEvent.BlacklistChanged) refresh();
    });

    /** Where store changes come from (the app's bus on the FX thread); heard between {@link #activate} and {@link #deactivate}. */
    public void listenTo(org.broadside.events.EventSource events) { store.use(events); }

    /** The window shows: follow changes made anywhere (another window, the command line), and read what is there now. */
    public void activate() {
        store.open();
        refresh();
    }

    public void deactivate() { store.close(); }

    private final BlacklistRepository blacklist;
    private final BackgroundRunner runner;
    private final ObservableList<BlacklistEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<BlacklistEntry> shown = new FilteredList<>(entries);
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty newEntry = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    public BlacklistViewModel(BlacklistRepository blacklist, BackgroundRunner runner) {
        this.blacklist = blacklist;
        this.runner = runner;
        search.addListener((o, a, q) -> {
            String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(needle.isEmpty() ? null : e -> e.entry().contains(needle)
                    || (e.reason() != null && e.reason().toLowerCase(Locale.ROOT).contains(needle)));
        });
    }

    public FilteredList<BlacklistEntry> shown() { return shown; }
    public StringProperty searchProperty() { return search; }
    public StringProperty newEntryProperty() { return newEntry; }
    public StringProperty reasonProperty() { return reason; }
    public StringProperty statusProperty() { return status; }

    public void refresh() {
        runner.run(blacklist::entries, all -> {
            entries.setAll(all);
            status.set(all.size() + (all.size() == 1 ? " entry" : " entries"));
        }, e -> status.set(e.getMessage()));
    }

    /** Adds an address or "@domain"; refused with a sentence when it is neither. */
    public void add() {
        String entry = newEntry.get() == null ? "" : newEntry.get().strip();
        if (!entry.contains("@") || entry.endsWith("@")) {
            status.set("Type an address (someone@example.com) or a whole domain (@example.com).");
            return;
        }
        String why = reason.get() == null || reason.get().isBlank() ? "added by hand" : reason.get().strip();
        runner.run(() -> blacklist.add(entry, why, "desktop"), added -> {
            newEntry.set("");
            refresh();
            status.set(added ? "Added " + BlacklistRepository.normalize(entry) + "." : entry + " was already on the blacklist.");
        }, e -> status.set(e.getMessage()));
    }

    private final StringProperty report = new SimpleStringProperty("");

    /** The last import's report (counts and the first invalid lines), for the window to show. */
    public StringProperty reportProperty() { return report; }

    /** Blacklists every address or @domain of a file (one per line, or a CSV with an Email column). */
    public void importFile(java.nio.file.Path file) {
        status.set("Importing " + file.getFileName() + "…");
        runner.run(() -> new org.broadside.contacts.imports.BlacklistFiles(blacklist).importFile(file, null), r -> {
            refresh();
            status.set(String.format("%,d added from %s, %,d already there, %,d invalid.", r.added(), file.getFileName(),
                    r.alreadyThere(), r.problems().size()));
            report.set("");
            report.set(r.format(file.getFileName(), 50));
        }, e -> status.set("The file could not be imported: " + e.getMessage()));
    }

    /** Writes the whole blacklist to a CSV file that Import reads back. */
    public void exportFile(java.nio.file.Path file) {
        runner.run(() -> new org.broadside.contacts.imports.BlacklistFiles(blacklist).exportFile(file),
                n -> status.set(String.format("%,d entr%s saved as %s.", n, n == 1 ? "y" : "ies", file.getFileName())),
                e -> status.set(e.getMessage()));
    }

    public void remove(List<BlacklistEntry> chosen) {
        List<String> gone = chosen.stream().map(BlacklistEntry::entry).toList();
        runner.run(() -> gone.stream().filter(blacklist::remove).count(), n -> {
            refresh();
            status.set("Removed " + n + " entr" + (n == 1 ? "y" : "ies") + ".");
        }, e -> status.set(e.getMessage()));
    }
}
