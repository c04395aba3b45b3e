package org.broadside.ui.preview;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import org.broadside.campaign.Campaign;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactLookup;
import org.broadside.contacts.ContactPageRepository;
import org.broadside.contacts.ContactRepository;
import org.broadside.events.AppEvent;
import org.broadside.events.EventSource;
import org.broadside.merge.Condition;
import org.broadside.ui.common.BackgroundRunner;
import org.broadside.ui.common.Debounce;
import org.broadside.ui.common.StoreSubscription;
import org.broadside.ui.shell.CampaignDraft;

import java.util.Objects;
import java.util.Optional;

/**
 * The Preview tab: the message as one recipient of the list gets it, stepping through the recipients the campaign's
 * filter selects (those the campaign would send to; all of the list without a filter). While it shows, it
 * follows the draft (re-rendered once typing pauses, from the first recipient when the list changed) and the store
 * (a change of the chosen list's contacts).
 */
public final class PreviewViewModel {
    private final CampaignDraft draft;
    private final ContactRepository contacts;
    private final ContactPageRepository query;
    private final BackgroundRunner runner;
    private final PreviewRenderer renderer;
    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final LongProperty total = new SimpleLongProperty(0);
    private final StringProperty recipient = new SimpleStringProperty("");
    private final StringProperty subject = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty html = new SimpleStringProperty("");
    private final StringProperty raw = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private long generation;
    private final StoreSubscription store = new StoreSubscription(this::storeChanged);
    private final ChangeListener<Campaign> draftChanged = (o, before, now) -> draftChanged(before, now);
    private Debounce debounce = Debounce.NOW;

    public PreviewViewModel(CampaignDraft draft, ContactRepository contacts, BackgroundRunner runner, PreviewRenderer renderer) {
        this.draft = draft;
        this.contacts = contacts;
        this.query = new ContactPageRepository(contacts.database());
        this.runner = runner;
        this.renderer = renderer;
    }

    public IntegerProperty indexProperty() { return index; }
    public LongProperty totalProperty() { return total; }
    public StringProperty recipientProperty() { return recipient; }
    public StringProperty subjectProperty() { return subject; }
    public StringProperty textProperty() { return text; }
    public StringProperty htmlProperty() { return html; }
    public StringProperty rawProperty() { return raw; }
    public StringProperty statusProperty() { return status; }

    /** Where store changes come from (the app's bus on the FX thread); heard between {@link #activate} and {@link #deactivate}. */
    public void listenTo(EventSource events) { store.use(events); }

    /** How edits of the draft are gathered before a re-render (the app waits for a pause in typing). */
    public void useDebounce(Debounce d) { this.debounce = d; }

    /** The tab shows: follow the draft and the store, and render what is current now. */
    public void activate() {
        draft.campaignProperty().removeListener(draftChanged);
        draft.campaignProperty().addListener(draftChanged);
        store.open();
        refresh();
    }

    public void deactivate() {
        draft.campaignProperty().removeListener(draftChanged);
        store.close();
    }

    private void draftChanged(Campaign before, Campaign now) {
        if (before == null || now == null || !Objects.equals(before.list(), now.list())
                || !Objects.equals(before.filter(), now.filter())) index.set(0);
        debounce.request(this::refresh);
    }

    void storeChanged(AppEvent event) {
        String list = draft.campaign().list();
        if (event instanceof AppEvent.ListsChanged l && l.concerns(list) || event instanceof AppEvent.BlacklistChanged) refresh();
    }

    public void refresh() { show(index.get(), null); }

    public void next() {
        if (index.get() + 1 < total.get()) show(index.get() + 1, null);
    }

    public void previous() {
        if (index.get() > 0) show(index.get() - 1, null);
    }

    /** Shows the recipient with this address, when the list has one. */
    public void find(String email) {
        if (email != null && !email.isBlank()) show(index.get(), email.strip());
    }

    private void show(int at, String email) {
        long mine = ++generation;
        var doc = draft.document();
        String listName = doc.campaign().list();
        status.set("Rendering…");
        // The recipients the campaign would send to. A filter with an error leaves everyone in, as the status says.
        String filterText = doc.campaign().filter();
        Condition filter = validFilter(filterText);
        boolean filterBroken = filter == null && filterText != null && !filterText.isBlank();
        runner.run(() -> {
            ContactList list = listName == null ? null : contacts.findList(listName).orElse(null);
            if (list == null) return new Shown(at, 0, null, null);
            ContactPageRepository.View view = new ContactPageRepository.View(list.id(), "", filter, null, true);
            long count = filter == null ? contacts.count(list.id()) : query.count(view);
            Optional<Contact> c;
            if (email != null) {
                c = contacts.find(list.id(), email);
            } else {
                int i = (int) Math.max(0, Math.min(at, count - 1));
                c = count == 0 ? Optional.empty() : query.page(view, i, 1).stream().findFirst();
            }
            if (c.isEmpty()) return new Shown(at, count, null, null);
            boolean leftOut = filter != null && !filter.test(ContactLookup.of(c.get()));
            return new Shown(at, count, c.get(), renderer.render(doc, list, c.get()), leftOut);
        }, s -> {
            if (mine != generation) return;
            total.set(s.count);
            if (s.contact == null) {
                // What was shown belongs to another list or version: leave nothing behind that could be mistaken for it.
                recipient.set("");
                subject.set("");
                text.set("");
                html.set("");
                raw.set("");
                status.set(listName == null ? "Choose a list on the Recipients tab." : email != null
                        ? "No recipient " + email + " in " + listName + "."
                        : filter != null ? "The filter leaves out every contact of " + listName + "."
                        : "The list " + listName + " has no contacts.");
                return;
            }
            if (email == null) index.set((int) Math.max(0, Math.min(s.index, s.count - 1)));
            PreviewRenderer.Rendered r = s.rendered;
            // Bodies first, subject and recipient last: whoever sees the new subject sees the bodies that go with it.
            text.set(r.text());
            html.set(r.html());
            raw.set(r.raw() == null ? "" : r.raw());
            recipient.set(s.contact.email());
            subject.set(r.subject());
            status.set(s.leftOut ? s.contact.email() + " is left out by the campaign's filter: the campaign does not send to it."
                    : r.skipReason() != null ? "This recipient would be skipped: " + r.skipReason()
                    : "Recipient " + (email == null ? (index.get() + 1) + " of " + s.count : s.contact.email())
                    + (filterBroken ? " (the filter has an error: every contact is shown)" : ""));
        }, e -> {
            if (mine == generation) status.set("The preview could not be rendered: " + e.getMessage());
        });
    }

    private record Shown(int index, long count, Contact contact, PreviewRenderer.Rendered rendered, boolean leftOut) {
        Shown(int index, long count, Contact contact, PreviewRenderer.Rendered rendered) {
            this(index, count, contact, rendered, false);
        }
    }

    /** The campaign's filter, or null for none or one with an error (the Recipients tab and the checks say what). */
    private static Condition validFilter(String text) {
        try {
            return org.broadside.compose.ContactFilters.compileOrNull(text);
        } catch (org.broadside.compose.ComposeException e) {
            return null;
        }
    }
}
