package org.broadside.ui.accounts;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.broadside.accounts.Account;
import org.broadside.accounts.AccountAuth;
import org.broadside.accounts.AccountPreset;
import org.broadside.accounts.AccountPresets;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.CredentialKeys;
import org.broadside.accounts.CredentialStore;
import org.broadside.accounts.Secrets;
import org.broadside.ui.common.BackgroundRunner;

import java.util.List;
import java.util.function.Supplier;

/**
 * The account manager: the accounts, a form for the chosen one with presets, and Test connection / Send test
 * message, which run in the background and show the server's answers and the transcript.
 */
public final class AccountsViewModel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccountsViewModel.class);
    private final org.broadside.ui.common.StoreSubscription store = new org.broadside.ui.common.StoreSubscription(e -> {
        if (e instanceof org.broadside.events.AppEvent.AccountsChanged) refresh();
    });

    /** Where store changes come from (the app's bus on the FX thread); heard between {@link #activate} and {@link #deactivate}. */
    public void listenTo(org.broadside.events.EventSource events) { store.use(events); }

    /** The window shows: follow changes made anywhere (another window, the command line), and read what is there now. */
    public void activate() {
        store.open();
        refresh();
    }

    public void deactivate() { store.close(); }

    private final AccountRepository accounts;
    private final Supplier<CredentialStore> credentials;
    private final BackgroundRunner runner;
    private final ObservableList<Account> items = FXCollections.observableArrayList();
    private final ObjectProperty<Account> selected = new SimpleObjectProperty<>();
    private final AccountForm form = new AccountForm();
    private final StringProperty result = new SimpleStringProperty("");
    private final ObservableList<String> transcript = FXCollections.observableArrayList();
    private final StringProperty pinCandidate = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty testTo = new SimpleStringProperty("");

    public AccountsViewModel(AccountRepository accounts, Supplier<CredentialStore> credentials, BackgroundRunner runner) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.runner = runner;
        selected.addListener((o, a, b) -> {
            if (b != null) form.load(b);
            transcript.clear();
            result.set("");
            pinCandidate.set(null);
        });
    }

    public ObservableList<Account> items() { return items; }
    public ObjectProperty<Account> selectedProperty() { return selected; }
    public AccountForm form() { return form; }
    public StringProperty resultProperty() { return result; }
    public ObservableList<String> transcript() { return transcript; }
    public StringProperty pinCandidateProperty() { return pinCandidate; }
    public BooleanProperty busyProperty() { return busy; }
    public StringProperty testToProperty() { return testTo; }
    public List<AccountPreset> presets() { return AccountPresets.all(); }

    public void refresh() {
        runner.run(accounts::list, list -> {
            String kept = selected.get() == null ? null : selected.get().name();
            items.setAll(list);
            // The window never opens on an empty form beside a list of accounts: the one being edited stays chosen,
            // else the first is shown. A new account being typed (name filled, nothing chosen) is left alone.
            var again = list.stream().filter(a -> a.name().equals(kept)).findFirst();
            // Re-chosen only when it changed in the store: an unchanged account keeps the form's unsaved edits.
            if (again.isPresent() && !again.get().equals(selected.get())) selected.set(again.get());
            else if (kept == null && form.nameProperty().get().isBlank() && !list.isEmpty()) selected.set(list.get(0));
        }, e -> result.set("The accounts could not be read: " + e.getMessage()));
    }

    /**
     * An empty form with the defaults of a new account. It used to load the Generic ISP preset, so New showed that
     * preset's pacing (50 per connection, groups of 50, 100 an hour, 500 a day) as if they were the defaults.
     */
    public void newAccount() {
        selected.set(null);
        form.clear("New account");
        transcript.clear();
        result.set("");
        pinCandidate.set(null);
    }

    public void applyPreset(AccountPreset p) { form.apply(p); }

    /**
     * Saves the form (and the password, when one was typed) and selects the saved account. The password goes to the
     * credential store first: when the store refuses it (no passphrase chosen, say) nothing is saved, as the answer
     * says. A renamed account takes its stored password along; its secrets are keyed by name.
     */
    public void save() {
        Account a;
        try {
            a = form.toAccount();
        } catch (RuntimeException e) {
            result.set(org.broadside.diagnostics.FailureText.logged(LOG, "The account form was refused", e));
            return;
        }
        char[] password = form.password.get().toCharArray();
        Account previous = selected.get();
        runner.run(() -> {
            try {
                boolean renamed = previous != null && !previous.name().equalsIgnoreCase(a.name());
                String key = CredentialKeys.account(a.name());
                if (password.length > 0) {
                    credentials.get().put(key, password);
                } else if (renamed && previous.auth() != AccountAuth.NONE) {
                    // An account without a login has no secret: the credential file is not opened (nor its passphrase asked).
                    credentials.get().move(CredentialKeys.account(previous.name()), key);
                }
                if (renamed) accounts.delete(previous.name());
                accounts.save(a);
                return accounts.list();
            } finally {
                Secrets.wipe(password);
            }
        }, all -> {
            items.setAll(all);
            form.password.set("");
            selected.set(all.stream().filter(x -> x.name().equalsIgnoreCase(a.name())).findFirst().orElse(null));
            result.set("Saved " + a.name() + ".");
        }, e -> result.set("Not saved: " + e.getMessage()));
    }

    public void delete() {
        Account a = selected.get();
        if (a == null) return;
        runner.run(() -> {
            accounts.delete(a.name());
            credentials.get().delete(CredentialKeys.account(a.name()));
            return accounts.list();
        }, all -> {
            items.setAll(all);
            selected.set(null);
            result.set("Deleted " + a.name() + ".");
        }, e -> result.set("Not deleted: " + e.getMessage()));
    }

    private long probeGeneration;
    private BackgroundRunner.Cancellable probing;

    public void testConnection() {
        probe(null);
    }

    /** Sends one plain test message to {@link #testToProperty()}. */
    public void sendTestMessage() {
        String to = testTo.get() == null ? "" : testTo.get().strip();
        if (!to.contains("@")) {
            result.set("Type the address the test message should go to.");
            return;
        }
        probe(to);
    }

    private void probe(String to) {
        Account a;
        try {
            a = form.toAccount();
        } catch (RuntimeException e) {
            result.set(org.broadside.diagnostics.FailureText.logged(LOG, "The account form was refused", e));
            return;
        }
        String password = form.password.get();
        busy.set(true);
        result.set(to == null ? "Connecting to " + a.host() + ":" + a.port() + "…" : "Sending a test message to " + to + "…");
        transcript.clear();
        pinCandidate.set(null);
        long mine = ++probeGeneration;
        probing = runner.run(() -> {
            CredentialStore store = credentials.get();
            if (!password.isEmpty()) store.put(CredentialKeys.account(a.name()), password.toCharArray());
            return to == null ? ConnectionProbe.test(a, store) : ConnectionProbe.sendTest(a, store, to, to);
        }, r -> {
            if (mine != probeGeneration) return; // cancelled: a late answer must not overwrite what the user sees
            busy.set(false);
            result.set((r.ok() ? "✔ " : "✘ ") + r.summary());
            transcript.setAll(r.transcript());
            pinCandidate.set(r.untrustedFingerprint());
        }, e -> {
            if (mine != probeGeneration) return;
            busy.set(false);
            result.set("✘ " + e.getMessage());
        });
    }

    /** Gives up on a running test: a server that never answers would otherwise hold the form for minutes. */
    public void cancelTest() {
        if (!busy.get()) return;
        probeGeneration++;
        if (probing != null) probing.cancel();
        busy.set(false);
        result.set("Test cancelled.");
    }

    /** Trusts the certificate the user just saw, by its fingerprint, for this account only. */
    public void pinCertificate() {
        String fp = pinCandidate.get();
        if (fp == null) return;
        form.pinned.set(fp);
        pinCandidate.set(null);
        save();
    }
}
