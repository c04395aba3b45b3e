package org.broadside.ui.testsend;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.broadside.campaign.CampaignDocument;
import org.broadside.compose.testsend.TestAddresses;
import org.broadside.compose.testsend.TestReceipt;
import org.broadside.compose.testsend.TestRecipients;
import org.broadside.compose.testsend.TestSend;
import org.broadside.compose.testsend.TestSendPreferences;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.ui.common.BackgroundRunner;

import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The Send test window: which recipients of the campaign's list to merge as, which addresses to send to, and the
 * receipts as they come. A test goes through the campaign's account but never through the delivery engine, so no
 * recipient of the campaign is created, changed or counted.
 */
public final class TestSendViewModel {
    /** How many matching recipients the search offers at most. */
    static final int CANDIDATES = 50;
    private final Supplier<CampaignDocument> campaign;
    private final ContactRepository contacts;
    private final Supplier<TestSend> sender;
    private final TestSendPreferences preferences;
    private final BackgroundRunner runner;
    private final Executor onUi;
    private final Random random;
    private final StringProperty addresses = new SimpleStringProperty("");
    private final BooleanProperty subjectPrefix = new SimpleBooleanProperty(true);
    private final StringProperty search = new SimpleStringProperty("");
    private final IntegerProperty randomCount = new SimpleIntegerProperty(3);
    private final ObservableList<Contact> candidates = FXCollections.observableArrayList();
    private final ObservableList<Contact> chosen = FXCollections.observableArrayList();
    private final ObservableList<TestReceipt> receipts = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty listName = new SimpleStringProperty("");
    private final BooleanProperty sending = new SimpleBooleanProperty();
    private TestRecipients recipients;
    private AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param onUi where receipts that arrive on the sending thread are handed to the window (the FX thread in the app)
     */
    public TestSendViewModel(Supplier<CampaignDocument> campaign, ContactRepository contacts, Supplier<TestSend> sender,
                             TestSendPreferences preferences, BackgroundRunner runner, Executor onUi, Random random) {
        this.campaign = campaign;
        this.contacts = contacts;
        this.sender = sender;
        this.preferences = preferences;
        this.runner = runner;
        this.onUi = onUi;
        this.random = random;
        TestSendPreferences.Choices last = preferences.load();
        addresses.set(last.addresses());
        subjectPrefix.set(last.subjectPrefix());
        search.addListener((o, a, b) -> findCandidates());
    }

    public StringProperty addressesProperty() { return addresses; }
    public BooleanProperty subjectPrefixProperty() { return subjectPrefix; }
    public StringProperty searchProperty() { return search; }
    public IntegerProperty randomCountProperty() { return randomCount; }
    public ObservableList<Contact> candidates() { return candidates; }
    /** The recipients the campaign is merged as: one message per chosen recipient and test address. */
    public ObservableList<Contact> chosen() { return chosen; }
    public ObservableList<TestReceipt> receipts() { return receipts; }
    public StringProperty statusProperty() { return status; }
    /** "Merged as recipients of the list Members". */
    public StringProperty listNameProperty() { return listName; }
    public BooleanProperty sendingProperty() { return sending; }

    /** Reads the campaign's list; the first recipient is chosen to begin with. */
    public void load() {
        runner.run(() -> TestRecipients.of(campaign.get().campaign(), contacts), r -> {
            recipients = r;
            listName.set(r.listName());
            r.first().ifPresent(c -> {
                if (chosen.isEmpty()) chosen.add(c);
            });
            findCandidates();
            if (r.first().isEmpty()) status.set("The list " + r.listName() + " has no recipient to merge the test as: add a contact first.");
        }, e -> status.set(e.getMessage() + " (on the Recipients tab)"));
    }

    private void findCandidates() {
        if (recipients == null) return;
        TestRecipients r = recipients;
        String text = search.get();
        runner.run(() -> r.search(text, CANDIDATES), candidates::setAll, e -> status.set(e.getMessage()));
    }

    public void choose(Contact c) {
        if (c != null && chosen.stream().noneMatch(x -> x.email().equalsIgnoreCase(c.email()))) chosen.add(c);
    }

    public void unchoose(Contact c) { chosen.remove(c); }

    /** Replaces the chosen recipients by a random few of the list: a test that is not always the same first row. */
    public void chooseRandom() {
        if (recipients == null) return;
        TestRecipients r = recipients;
        int n = Math.max(1, Math.min(20, randomCount.get()));
        runner.run(() -> r.random(n, random), chosen::setAll, e -> status.set(e.getMessage()));
    }

    /** What Send would send, or why it cannot yet. */
    public String plan() {
        TestAddresses to = TestAddresses.parse(addresses.get());
        if (!to.problems().isEmpty()) return to.problem();
        if (to.addresses().isEmpty()) return "Type the address (or addresses) to send the test to.";
        if (chosen.isEmpty()) return "Choose at least one recipient to merge the test as.";
        int n = chosen.size() * to.addresses().size();
        return n + " test message" + (n == 1 ? "" : "s") + " to " + to.joined();
    }

    /** Sends every chosen recipient's message to every test address; receipts arrive one by one. */
    public void send() {
        if (sending.get()) return;
        TestAddresses to = TestAddresses.parse(addresses.get());
        if (!to.usable() || chosen.isEmpty()) {
            status.set(plan());
            return;
        }
        preferences.save(new TestSendPreferences.Choices(addresses.get(), subjectPrefix.get()));
        TestSend.Request request = new TestSend.Request(campaign.get(), List.copyOf(chosen), to.addresses(), subjectPrefix.get());
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        receipts.clear();
        sending.set(true);
        status.set("Sending " + request.messages() + " test message" + (request.messages() == 1 ? "" : "s") + "…");
        runner.run(() -> sender.get().send(request, r -> onUi.execute(() -> receipts.add(r)), stop::get), all -> {
            sending.set(false);
            long failed = all.stream().filter(r -> r.outcome().failed()).count();
            status.set(stop.get() && all.size() < request.messages() ? "Stopped after " + all.size() + " message" + (all.size() == 1 ? "" : "s") + "."
                    : failed == 0 ? (all.size() == 1 ? "Accepted." : "All " + all.size() + " accepted.") + " The campaign's recipients are unchanged."
                    : failed + " of " + all.size() + " not accepted: see the replies above.");
        }, e -> {
            sending.set(false);
            status.set("The test was not sent: " + e.getMessage());
        });
    }

    public void stop() {
        cancelled.set(true);
    }
}
