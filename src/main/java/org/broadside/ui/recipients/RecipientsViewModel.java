package org.broadside.ui.recipients;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.events.AppEvent;
import org.broadside.events.EventSource;
import org.broadside.ui.common.BackgroundRunner;
import org.broadside.ui.common.StoreSubscription;
import org.broadside.ui.shell.CampaignDraft;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Recipients tab: which list and filter, and how many that reaches and how many are skipped and why. While the
 * tab shows, store changes keep it current: a list created or imported anywhere joins the choice, and a change of
 * the chosen list (or the blacklist) counts the audience again.
 */
public final class RecipientsViewModel {
    private final CampaignDraft draft;
    private final ContactRepository contacts;
    private final BlacklistRepository blacklist;
    private final BackgroundRunner runner;
    private final ObservableList<String> listNames = FXCollections.observableArrayList();
    private final StringProperty list = new SimpleStringProperty();
    private final StringProperty filter = new SimpleStringProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty skipped = new SimpleStringProperty("");
    private final StringProperty filterProblem = new SimpleStringProperty("");
    private final StoreSubscription store = new StoreSubscription(this::storeChanged);
    private long generation;
    private boolean counting;
    private boolean countAgain;
    /** True while the offered names are replaced: a value change then comes from the combo box, not from the user. */
    private boolean syncingNames;

    public RecipientsViewModel(CampaignDraft draft, ContactRepository contacts, BlacklistRepository blacklist, BackgroundRunner runner) {
        this.draft = draft;
        this.contacts = contacts;
        this.blacklist = blacklist;
        this.runner = runner;
        list.set(draft.campaign().list());
        filter.set(draft.campaign().filter() == null ? "" : draft.campaign().filter());
        list.addListener((o, a, b) -> {
            if (!syncingNames) commit();
        });
        filter.addListener((o, a, b) -> commit());
    }

    public ObservableList<String> listNames() { return listNames; }
    public StringProperty listProperty() { return list; }
    public StringProperty filterProperty() { return filter; }
    public StringProperty summaryProperty() { return summary; }
    public StringProperty skippedProperty() { return skipped; }
    /** A field the filter reads that the list does not have (empty when none): it filtered everyone out silently. */
    public StringProperty filterProblemProperty() { return filterProblem; }

    /** Where store changes come from (the app's bus on the FX thread); heard between {@link #activate} and {@link #deactivate}. */
    public void listenTo(EventSource events) { store.use(events); }

    /** The tab shows: follow store changes, and catch up on what changed while it was hidden. */
    public void activate() {
        store.open();
        refresh();
    }

    public void deactivate() { store.close(); }

    void storeChanged(AppEvent event) {
        if (event instanceof AppEvent.ListsChanged l) {
            if (l.concerns(list.get())) refresh();
            else reloadNames(false);
        } else if (event instanceof AppEvent.BlacklistChanged) {
            recount();
        }
    }

    public void refresh() { reloadNames(true); }

    private void reloadNames(boolean thenRecount) {
        runner.run(() -> contacts.lists().stream().map(ContactList::name).toList(), names -> {
            if (!listNames.equals(names)) syncNames(names);
            if (thenRecount) recount();
        }, e -> summary.set("The lists could not be read: " + e.getMessage()));
    }

    /**
     * Replaces the names offered. The combo box clears its value when its items are replaced; that is not the user
     * choosing no list, so the choice is put back and the draft is left alone (a list that is gone stays chosen and
     * the summary says there is no such list, rather than the campaign silently losing its list).
     */
    private void syncNames(java.util.List<String> names) {
        String kept = list.get();
        syncingNames = true;
        try {
            listNames.setAll(names);
            if (!java.util.Objects.equals(list.get(), kept)) list.set(kept);
        } finally {
            syncingNames = false;
        }
    }

    /** Ends a count; answers true when a newer one was started instead (its result supersedes this one). */
    private boolean countDone() {
        counting = false;
        if (!countAgain) return false;
        countAgain = false;
        recount();
        return true;
    }

    private void commit() {
        String f = filter.get() == null || filter.get().isBlank() ? null : filter.get().strip();
        draft.update(c -> c.withRecipients(c.account(), list.get(), f));
        recount();
    }

    /**
     * Counts in the background. A count reads the whole list, so one runs at a time; edits made meanwhile cause
     * exactly one more count when it ends, and an outdated result is never shown.
     */
    public void recount() {
        if (counting) {
            countAgain = true;
            return;
        }
        long mine = ++generation;
        String name = list.get();
        String f = filter.get();
        if (name == null || name.isBlank()) {
            summary.set("Choose a list.");
            skipped.set("");
            filterProblem.set("");
            return;
        }
        summary.set("Counting…");
        counting = true;
        runner.run(() -> {
            Optional<ContactList> l = contacts.findList(name);
            return l.isEmpty() ? null : new Counted(l.get(), AudienceCount.count(contacts, blacklist, l.get(), f));
        }, counted -> {
            if (countDone() || mine != generation) return;
            if (counted == null) {
                summary.set("There is no list named \"" + name + "\".");
                skipped.set("");
                filterProblem.set("");
                return;
            }
            AudienceCount.Result r = counted.result();
            filterProblem.set(unknownFieldsText(r.unknownFields(), counted.list()));
            summary.set(String.format("%,d of %,d contacts will receive it%s.", r.willReceive(), r.inList(),
                    r.excludedByFilter() > 0 ? String.format(" (%,d left out by the filter)", r.excludedByFilter()) : ""));
            skipped.set(r.skipped().isEmpty() ? "Nobody is skipped." : "Skipped: " + r.skipped().entrySet().stream()
                    .map(e -> String.format("%,d %s", e.getValue(), e.getKey())).collect(Collectors.joining(", ")));
        }, e -> {
            if (countDone() || mine != generation) return;
            // The parser's own words, not the compose layer's sentence around them ("the filter has an error: …").
            String problem = e.getCause() instanceof org.broadside.merge.TemplateSyntaxException syntax ? syntax.problem()
                    : e.getMessage() == null ? e.toString() : e.getMessage();
            summary.set(org.broadside.ui.common.CheckWords.withFullStop("The filter is not valid: " + problem));
            skipped.set("");
            filterProblem.set("");
        });
    }

    private record Counted(ContactList list, AudienceCount.Result result) {}

    /** Names the fields the filter reads that the list lacks, and the ones it has, so a typo can be seen and put right. */
    static String unknownFieldsText(java.util.List<String> unknown, ContactList list) {
        if (unknown.isEmpty()) return "";
        String names = unknown.stream().map(n -> "[" + n + "]").collect(Collectors.joining(", "));
        String has = list.fields().isEmpty() ? "it has no fields besides Email"
                : "its fields are Email, " + String.join(", ", list.fields());
        return "The filter reads " + names + ", which the list \"" + list.name() + "\" does not have: "
                + (unknown.size() == 1 ? "it is" : "they are") + " empty for every contact. Check the spelling; " + has + ".";
    }
}
