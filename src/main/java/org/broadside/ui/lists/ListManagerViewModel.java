package org.broadside.ui.lists;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactExport;
import org.broadside.contacts.imports.ImportException;
import org.broadside.contacts.imports.ImportOptions;
import org.broadside.contacts.imports.ImportProgress;
import org.broadside.contacts.imports.ImportReport;
import org.broadside.contacts.imports.SavedSources;
import org.broadside.contacts.imports.SourceRunner;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactPageRepository;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.Deduplicator;
import org.broadside.contacts.validation.DnsMailDomainResolver;
import org.broadside.contacts.validation.DomainChecker;
import org.broadside.contacts.validation.ListValidator;
import org.broadside.contacts.validation.MailDomainResolver;
import org.broadside.events.AppEvent;
import org.broadside.events.EventSource;
import org.broadside.merge.Condition;
import org.broadside.merge.TemplateSyntaxException;
import org.broadside.ui.common.BackgroundRunner;
import org.broadside.ui.common.StoreSubscription;

import java.util.List;

/**
 * The list manager: lists, and the chosen list's contacts in a lazily paged table with search and sort done by
 * the database. Edits go through ContactRepository; every read runs in the background.
 */
public final class ListManagerViewModel {
    private final ContactRepository contacts;
    private final ContactPageRepository query;
    private final BackgroundRunner runner;
    private final ObservableList<ContactList> lists = FXCollections.observableArrayList();
    private final ObjectProperty<ContactList> selected = new SimpleObjectProperty<>();
    private final ObservableList<String> fields = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    /** A merge-language condition, as a campaign's filter is written; blank for none. */
    private final StringProperty filter = new SimpleStringProperty("");
    /** Why the filter cannot be read, or "" when it can (the table then keeps showing the last good filter). */
    private final StringProperty filterProblem = new SimpleStringProperty("");
    private Condition appliedFilter;
    private String appliedFilterText = "";
    private final StringProperty status = new SimpleStringProperty("");
    private final LazyContactList rows;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty report = new SimpleStringProperty("");
    private final BooleanProperty cancelling = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final MailDomainResolver resolver;
    private CleanupProgress cleanup;
    private String cleanupTitle = "";
    private String sortField;
    private boolean ascending = true;
    /** Reloads asked for so far: a count's answer is shown only if no reload came after it was started. */
    private int reloads;
    private boolean counting;
    private final StoreSubscription store = new StoreSubscription(this::storeChanged);
    /** A store change came in during a clean-up; the lists are read again once it ends. */
    private boolean listsStale;

    public ListManagerViewModel(ContactRepository contacts, BackgroundRunner runner) {
        this(contacts, runner, new DnsMailDomainResolver(java.time.Duration.ofSeconds(5)));
    }

    /** @param resolver how "check domains" asks whether a domain receives mail (tests pass a fake) */
    public ListManagerViewModel(ContactRepository contacts, BackgroundRunner runner, MailDomainResolver resolver) {
        this.resolver = resolver;
        this.contacts = contacts;
        this.query = new ContactPageRepository(contacts.database());
        this.runner = runner;
        this.rows = new LazyContactList(query, runner);
        selected.addListener((o, a, b) -> {
            sortField = null;
            ascending = true;
            fields.setAll(b == null ? List.of() : b.fields());
            if (appliedFilter != null) filterProblem.set(unknownFields(appliedFilter));
            reload();
        });
        search.addListener((o, a, b) -> reload());
        filter.addListener((o, a, b) -> filterChanged(b));
    }

    /**
     * Reads the filter as the campaign's filter is read (one parser, one meaning: the segment checked here is the one a
     * campaign with this filter sends to). A filter that cannot be read names its problem and changes nothing shown.
     */
    private void filterChanged(String text) {
        if (text == null || text.isBlank()) {
            filterProblem.set("");
            appliedFilter = null;
            appliedFilterText = "";
            reload();
            return;
        }
        try {
            Condition parsed = Condition.parse(text);
            filterProblem.set(unknownFields(parsed));
            appliedFilter = parsed;
            appliedFilterText = text.strip();
            reload();
        } catch (TemplateSyntaxException e) {
            // The table keeps the last filter that could be read: say which, so its count is not taken for this one's.
            filterProblem.set("The filter has an error: " + e.problem() + "." + (appliedFilter == null
                    ? " All contacts are shown." : " Still shown: " + appliedFilterText + "."));
        }
    }

    /** A field the list does not have is empty for every contact: most likely a typo, so it is named. */
    private String unknownFields(Condition parsed) {
        List<String> unknown = parsed.fieldsMissingFrom(fields);
        return unknown.isEmpty() ? "" : "This list has no field " + String.join(", ", unknown.stream().map(n -> "[" + n + "]").toList())
                + ": it is empty for every contact.";
    }

    /** Where store changes come from (the app's bus on the FX thread); heard between {@link #activate} and {@link #deactivate}. */
    public void listenTo(EventSource events) { store.use(events); }

    /** The window shows: follow list changes made anywhere (an import, another window, the command line). */
    public void activate() {
        store.open();
        refreshLists();
    }

    public void deactivate() { store.close(); }

    void storeChanged(AppEvent event) {
        if (!(event instanceof AppEvent.ListsChanged)) return;
        // A clean-up publishes after each batch; re-reading the list under it would only compete with it for the disk.
        if (busy.get()) listsStale = true;
        else refreshLists();
    }

    public ObservableList<ContactList> lists() { return lists; }
    public ObjectProperty<ContactList> selectedProperty() { return selected; }
    public ObservableList<String> fields() { return fields; }
    public StringProperty searchProperty() { return search; }
    public StringProperty filterProperty() { return filter; }

    /** How the contacts shown are chosen, in words for the export dialog ("" when all are shown). */
    public String shownSelection() {
        String text = search.get() == null ? "" : search.get().strip();
        String bySearch = text.isEmpty() ? "" : "match \"" + text + "\"";
        String byFilter = appliedFilter == null ? "" : "pass the filter";
        if (bySearch.isEmpty() || byFilter.isEmpty()) return bySearch + byFilter;
        return bySearch + " and " + byFilter;
    }
    public ReadOnlyStringProperty filterProblemProperty() { return filterProblem; }
    public StringProperty statusProperty() { return status; }
    public ObservableList<ContactRow> rows() { return rows; }
    /** True while a de-duplication or validation runs. */
    public BooleanProperty busyProperty() { return busy; }
    /** True from Cancel until the running clean-up has stopped. */
    public BooleanProperty cancellingProperty() { return cancelling; }
    /** How far the running clean-up got, 0 to 1, or -1 while unknown. */
    public DoubleProperty progressProperty() { return progress; }
    /** The report of the last de-duplication or validation, for the user to read. */
    public StringProperty reportProperty() { return report; }

    /** Removes duplicate addresses of the chosen list (the comparison ignores what mail servers ignore). */
    public void deduplicate() {
        ContactList list = selected.get();
        if (list == null || busy.get()) return;
        CleanupProgress run = begin("Removing duplicates");
        runner.run(() -> new Deduplicator(contacts).withinList(list.id(), run), r -> end(r.describe(list.name())),
                this::failed);
    }

    /**
     * Checks every address of the chosen list: syntax, role and disposable addresses, and (when asked) whether the
     * domain can receive mail, by DNS. With remove, invalid addresses leave the list.
     */
    public void validate(boolean checkDomains, boolean remove) {
        ContactList list = selected.get();
        if (list == null || busy.get()) return;
        CleanupProgress run = begin(checkDomains ? "Validating addresses and looking up their domains" : "Validating addresses");
        runner.run(() -> new ListValidator(contacts, checkDomains ? new DomainChecker(resolver, 16) : null)
                .validate(list.id(), remove, run), r -> end(r.format()), this::failed);
    }

    /**
     * Stops the running de-duplication or validation at its next batch. What the finished batches did is kept and
     * the report says how far it got (see Deduplicator and ListValidator for why that beats a rollback).
     */
    public void cancel() {
        if (cleanup == null || cancelling.get()) return;
        cleanup.cancel();
        cancelling.set(true);
        status.set("Cancelling…");
    }

    /** Shows how far the running clean-up got; the view calls it on its ticker while busy. */
    public void pollProgress() {
        if (cleanup == null || cancelling.get()) return;
        progress.set(cleanup.fraction());
        String step = cleanup.describe();
        status.set(step.isEmpty() ? cleanupTitle + "…" : cleanupTitle + "… " + step);
    }

    private CleanupProgress begin(String title) {
        cleanup = new CleanupProgress();
        cleanupTitle = title;
        cancelling.set(false);
        progress.set(-1);
        busy.set(true);
        status.set(title + "…");
        return cleanup;
    }

    private void end(String reportText) {
        boolean stale = listsStale;
        finishCleanup();
        report.set(""); // the same text twice must still show a report
        report.set(reportText);
        if (stale) refreshLists();
        else reload();
    }

    private void failed(Throwable e) {
        boolean stale = listsStale;
        finishCleanup();
        if (stale) refreshLists();
        status.set(e.getMessage());
    }

    private void finishCleanup() {
        listsStale = false;
        cleanup = null;
        cancelling.set(false);
        busy.set(false);
    }

    int pagesLoaded() { return rows.pagesLoaded(); }

    /** Reads the lists; keeps the chosen one (by name) when it still exists. */
    public void refreshLists() {
        runner.run(contacts::lists, all -> {
            // The one chosen when the read ends, not when it began: a list made meanwhile (New list…) stays chosen.
            String keep = selected.get() == null ? null : selected.get().name();
            lists.setAll(all);
            ContactList again = all.stream().filter(l -> l.name().equalsIgnoreCase(String.valueOf(keep))).findFirst()
                    .orElse(all.isEmpty() ? null : all.get(0));
            if (again != null && selected.get() != null && again.id() == selected.get().id()) {
                fields.setAll(again.fields());
                reload();
            } else {
                selected.set(again);
            }
        }, e -> status.set("The lists could not be read: " + e.getMessage()));
    }

    /** Sorts by a field ("Email" or a list field), or by insertion order when null. */
    public void sortBy(String field, boolean asc) {
        sortField = field;
        ascending = asc;
        reload();
    }

    /**
     * Counts and shows the chosen list with the current search and sort. At most one count runs at a time: a
     * search over a million contacts takes a fraction of a second per keystroke, and counts started for every
     * key would compete for the same two cores and could land out of order. A reload asked for meanwhile makes the
     * running count's answer stale; when it ends, the latest view is counted instead.
     */
    public void reload() {
        reloads++;
        if (counting) {
            status.set("Counting…");
            return;
        }
        count();
    }

    private void count() {
        ContactList list = selected.get();
        if (list == null) {
            rows.reset(new ContactPageRepository.View(0, "", null, true), 0);
            status.set("No list yet: create one or import contacts.");
            return;
        }
        ContactPageRepository.View v = new ContactPageRepository.View(list.id(), search.get(), appliedFilter, sortField, ascending);
        int mine = reloads;
        counting = true;
        status.set("Counting…");
        runner.run(() -> {
            long shown = query.count(v);
            boolean all = v.search().isEmpty() && v.filter() == null;
            return new long[] {shown, all ? shown : contacts.count(list.id())};
        }, n -> {
            if (superseded(mine)) return;
            rows.reset(v, n[0]);
            String done = afterReload;
            afterReload = "";
            status.set((done.isEmpty() ? "" : done + " ") + (v.search().isEmpty() && v.filter() == null ? String.format("%,d contacts", n[1])
                    : String.format("%,d of %,d contacts match", n[0], n[1])));
        }, e -> {
            if (superseded(mine)) return;
            status.set("The contacts could not be read: " + e.getMessage());
        });
    }

    /** Ends the running count; true, with the latest view counted instead, when a reload came after it started. */
    private boolean superseded(int mine) {
        counting = false;
        if (mine == reloads) return false;
        count();
        return true;
    }

    public void createList(String name, List<String> listFields) {
        runner.run(() -> contacts.createList(name.strip(), listFields), created -> {
            lists.add(created);
            selected.set(created);
        }, e -> status.set(e.getMessage()));
    }

    /** What the table says while it shows nobody: what to do next, not only that there is nothing. */
    public String emptyTableText() {
        if (selected.get() == null) return "No list yet: make one with New list…, or Import… a file or a database.";
        boolean narrowed = search.get() != null && !search.get().isBlank() || filter.get() != null && !filter.get().isBlank();
        return narrowed ? "No contact matches the search or filter."
                : "No contacts yet: Add contact… types one in, Import… brings a file or a database.";
    }

    public void addField(String name) {
        ContactList list = selected.get();
        if (list == null || name == null || name.isBlank()) return;
        if (list.fields().stream().anyMatch(f -> f.equalsIgnoreCase(name.strip())) || name.strip().equalsIgnoreCase("Email")) {
            status.set("\"" + name.strip() + "\" is already a field of " + list.name() + ".");
            return;
        }
        // createList on an existing list only adds the fields it lacks.
        runner.run(() -> contacts.createList(list.name(), List.of(name.strip())), updated -> {
            lists.replaceAll(l -> l.id() == updated.id() ? updated : l);
            fields.setAll(updated.fields());
            selected.set(updated);
        }, e -> status.set(e.getMessage()));
    }

    /**
     * Why an address cannot be saved (a sentence for the contact dialog), or null when it can. The same syntax check
     * as the list's validation, so a contact typed in by hand is never one that "Validate addresses" then flags.
     */
    public static String addressProblem(String address) {
        String a = address == null ? "" : address.strip();
        if (a.isEmpty()) return "Type the contact's e-mail address.";
        String problem = org.broadside.contacts.validation.EmailSyntax.problem(a);
        return problem == null ? null : "This address cannot receive mail: " + problem + ".";
    }

    /**
     * Adds a contact to the chosen list (a new one: id 0; an address already in the list is updated), or saves an
     * edited one by its id, so changing a contact's address changes that contact instead of adding another.
     */
    public void save(Contact contact) {
        save(null, contact);
    }

    /**
     * Saves {@code contact}, the edit of {@code opened} (null: a new contact). If somebody else changed the contact
     * since it was opened, nothing is saved: the status says so and the list shows their version.
     */
    public void save(Contact opened, Contact contact) {
        ContactList list = selected.get();
        if (list == null) return;
        String problem = addressProblem(contact.email());
        if (problem != null) {
            status.set(problem);
            return;
        }
        runner.run(() -> {
            if (contact.id() > 0) contacts.update(opened, contact);
            else contacts.upsert(list.id(), List.of(contact));
            return null;
        }, x -> {
            afterReload = (contact.id() > 0 ? "Saved " : "Added ") + contact.email().strip() + ".";
            reload();
        }, e -> {
            if (e instanceof org.broadside.contacts.ContactChangedException) {
                // Show what the other person saved, with the refusal (reload would otherwise replace the status).
                afterReload = e.getMessage();
                reload();
            } else {
                status.set(e.getMessage());
            }
        });
    }

    public void delete(List<Contact> chosen) {
        List<Long> ids = chosen.stream().map(Contact::id).toList();
        if (ids.isEmpty()) return;
        // Through the repository that tells the app: a Recipients tab counting this list must not keep the old count.
        runner.run(() -> contacts.delete(ids), n -> {
            afterReload = n == 1 ? "1 contact deleted." : String.format("%,d contacts deleted.", n);
            reload();
        }, e -> status.set(e.getMessage()));
    }

    /**
     * Writes the chosen list to a file with the fields chosen, in the background with progress and Cancel, like a
     * clean-up; {@code onlyShown} exports only the contacts the current search and filter show.
     */
    public void export(List<String> chosenFields, boolean onlyShown, ContactExport.Format format, java.nio.file.Path file) {
        ContactList list = selected.get();
        if (list == null || busy.get()) return;
        ContactExport.Request request = new ContactExport.Request(list, chosenFields, onlyShown ? search.get() : "",
                onlyShown ? appliedFilter : null, format);
        CleanupProgress run = begin("Exporting " + list.name());
        runner.run(() -> new ContactExport(contacts).write(request, file, run), r -> {
            finishCleanup();
            status.set(r.cancelled() ? "Export cancelled; no file was written."
                    : String.format("%,d contact%s exported to %s.", r.written(), r.written() == 1 ? "" : "s", file.getFileName()));
        }, this::failed);
    }

    private java.util.function.Supplier<org.broadside.accounts.CredentialStore> credentials;

    /** Where the passwords of saved database sources are (the import wizard saves them there). */
    public void useCredentials(java.util.function.Supplier<org.broadside.accounts.CredentialStore> credentials) {
        this.credentials = credentials;
    }

    /** The names of the chosen list's saved sources (what "Refresh from source" re-runs); read in the background. */
    public void loadSavedSources(java.util.function.Consumer<List<String>> names) {
        ContactList list = selected.get();
        if (list == null) {
            names.accept(List.of());
            return;
        }
        runner.run(() -> new SavedSources(contacts.database()).forList(list.id()).stream().map(SavedSources.SavedSource::name).toList(),
                names, e -> status.set(e.getMessage()));
    }

    /**
     * Re-runs the chosen list's saved sources (a database query or a file, as the import wizard saved them): new rows
     * added, changed rows updated, with progress and Cancel; each source's import report is shown at the end. A
     * cancelled source is rolled back whole, as a cancelled import is.
     */
    public void refreshFromSources() {
        ContactList list = selected.get();
        if (list == null || busy.get()) return;
        CleanupProgress run = begin("Refreshing " + list.name() + " from its saved source");
        runner.run(() -> {
            SavedSources saved = new SavedSources(contacts.database());
            List<SavedSources.SavedSource> sources = saved.forList(list.id());
            if (sources.isEmpty()) {
                throw new ImportException("The list \"" + list.name() + "\" has no saved source. Import it with the import wizard "
                        + "and fill in \"Save this source as\" to refresh it later.");
            }
            StringBuilder reports = new StringBuilder();
            for (SavedSources.SavedSource source : sources) {
                String password = savedPassword(source);
                ImportProgress progress = rows -> {
                    if (run.cancelRequested()) throw new ImportException("The refresh was cancelled; the list is unchanged by \"" + source.name() + "\".");
                    run.progress("rows read from " + source.name(), rows, -1);
                };
                ImportReport r = new SourceRunner(contacts.database(), System::getenv)
                        .run(list.name(), source.config(), password, new ImportOptions(false, true), progress);
                saved.markRun(source.id());
                reports.append("Source \"").append(source.name()).append("\": ").append(source.config().describe()).append('\n')
                        .append(r.format()).append('\n');
            }
            return reports.toString().strip();
        }, this::end, this::failed);
    }

    private String savedPassword(SavedSources.SavedSource source) {
        if (!"jdbc".equals(source.config().kind()) || source.config().passwordEnv() != null || credentials == null) return null;
        var secret = credentials.get().get(org.broadside.accounts.CredentialKeys.importSource(source.name()));
        if (secret.isEmpty()) return null;
        String password = new String(secret.get());
        java.util.Arrays.fill(secret.get(), '\0');
        return password;
    }

    /** The question before deleting the chosen list, with its size (read from the table's count). */
    public String deleteListQuestion() {
        ContactList list = selected.get();
        return list == null ? "" : "Delete the list \"" + list.name() + "\" and its " + String.format("%,d", rows.size())
                + " contacts? Campaigns already sent keep their record of whom they sent to.";
    }

    /** Deletes the chosen list and its contacts; the next list is shown. */
    public void deleteList() {
        ContactList list = selected.get();
        if (list == null || busy.get()) return;
        runner.run(() -> contacts.deleteList(list.id()), deleted -> {
            String done = "Deleted the list \"" + list.name() + "\".";
            lists.removeIf(l -> l.id() == list.id());
            // The next list is read and counted; what was deleted is said before its counts.
            afterReload = done;
            selected.set(lists.isEmpty() ? null : lists.get(0));
            if (lists.isEmpty()) {
                afterReload = "";
                status.set(done);
            }
        }, e -> status.set(e.getMessage()));
    }

    /** The words of the confirmation before deleting the chosen contacts. */
    public static String deleteQuestion(List<Contact> chosen) {
        return chosen.size() == 1 ? "Delete " + chosen.get(0).email() + " from the list?"
                : String.format("Delete these %,d contacts from the list?", chosen.size());
    }

    private BlacklistRepository blacklist;
    /** What the last save or delete did, said before the counts once the list is read again. */
    private String afterReload = "";

    /** Where "Add to blacklist" writes; the app's blacklist (without one, the menu item is not offered). */
    public void useBlacklist(BlacklistRepository blacklist) { this.blacklist = blacklist; }

    public boolean canBlacklist() { return blacklist != null; }

    /** Puts the chosen contacts' addresses on the blacklist: no campaign sends to them again; they stay in the list. */
    public void addToBlacklist(List<Contact> chosen) {
        if (blacklist == null || chosen.isEmpty()) return;
        List<String> addresses = chosen.stream().map(Contact::email).toList();
        runner.run(() -> blacklist.addAll(addresses, "added from the list manager", "desktop"), added -> {
            int already = addresses.size() - added;
            status.set(String.format("%,d address%s added to the blacklist", added, added == 1 ? "" : "es")
                    + (already > 0 ? String.format(" (%,d already there).", already) : "."));
        }, e -> status.set(e.getMessage()));
    }

    /** The chosen contacts' addresses, one per line, for the clipboard. */
    public static String addresses(List<Contact> chosen) {
        return String.join("\n", chosen.stream().map(Contact::email).toList());
    }

    /** A mailto: link to write to the chosen contacts in the user's mail program. */
    public static java.net.URI mailto(List<Contact> chosen) {
        String to = String.join(",", chosen.stream().map(c -> c.email().strip()).toList());
        return java.net.URI.create("mailto:" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20").replace("%40", "@").replace("%2C", ","));
    }
}
