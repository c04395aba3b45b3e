package org.broadside.ui.bounces;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.broadside.accounts.CredentialStore;
import org.broadside.accounts.Secrets;
import org.broadside.bounces.MailboxAccount;
import org.broadside.bounces.MailboxConnector;
import org.broadside.bounces.MailboxCredentials;
import org.broadside.bounces.MailboxProbe;
import org.broadside.bounces.MailboxRepository;
import org.broadside.ui.common.BackgroundRunner;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The mailbox manager: the bounce mailboxes, a form for the chosen one, Save (the password goes to the credential
 * store, as the command line's "mailbox add" does), Remove (recorded events stay), and Test connection, which runs in
 * the background and shows what happened step by step.
 */
public final class MailboxesViewModel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MailboxesViewModel.class);
    private final MailboxRepository mailboxes;
    private final Supplier<CredentialStore> credentials;
    private final MailboxConnector connector;
    private final BackgroundRunner runner;
    private final ObservableList<MailboxAccount> items = FXCollections.observableArrayList();
    private final ObjectProperty<MailboxAccount> selected = new SimpleObjectProperty<>();
    private final MailboxForm form = new MailboxForm();
    private final StringProperty result = new SimpleStringProperty("");
    private final ObservableList<String> transcript = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private long testGeneration;
    private BackgroundRunner.Cancellable testing = BackgroundRunner.Cancellable.DONE;

    public MailboxesViewModel(MailboxRepository mailboxes, Supplier<CredentialStore> credentials, MailboxConnector connector,
                              BackgroundRunner runner) {
        this.mailboxes = mailboxes;
        this.credentials = credentials;
        this.connector = connector;
        this.runner = runner;
        selected.addListener((o, was, now) -> {
            if (now != null) form.load(now);
            transcript.clear();
            result.set("");
        });
    }

    public ObservableList<MailboxAccount> items() { return items; }
    public ObjectProperty<MailboxAccount> selectedProperty() { return selected; }
    public MailboxForm form() { return form; }
    /** One sentence: saved, removed, what to correct, or the outcome of the test. */
    public StringProperty resultProperty() { return result; }
    /** What Test connection did, step by step; never the password. */
    public ObservableList<String> transcript() { return transcript; }
    public BooleanProperty busyProperty() { return busy; }

    /** Reads the mailboxes again; the one being edited stays chosen (with its unsaved edits when it did not change). */
    public void refresh() {
        runner.run(mailboxes::list, list -> {
            String kept = selected.get() == null ? null : selected.get().name();
            items.setAll(list);
            Optional<MailboxAccount> again = list.stream().filter(m -> m.name().equalsIgnoreCase(String.valueOf(kept))).findFirst();
            if (again.isPresent() && !again.get().equals(selected.get())) selected.set(again.get());
            else if (kept == null && form.host.get().isBlank() && !list.isEmpty()) selected.set(list.get(0));
        }, e -> result.set("The mailboxes could not be read: " + e.getMessage()));
    }

    /** An empty form for a new mailbox. */
    public void newMailbox() {
        selected.set(null);
        form.clear();
        transcript.clear();
        result.set("Fill in the mailbox that receives your bounces, then press Test connection and Save.");
    }

    /** Saves the form; a typed password goes to the credential store first, so a mailbox never loses its password. */
    public void save() {
        MailboxAccount m;
        try {
            m = form.toAccount();
        } catch (RuntimeException e) {
            result.set(org.broadside.diagnostics.FailureText.logged(LOG, "The mailbox form was refused", e));
            return;
        }
        char[] password = form.password.get().toCharArray();
        MailboxAccount previous = selected.get();
        runner.run(() -> {
            try {
                CredentialStore store = credentials.get();
                boolean renamed = previous != null && !previous.name().equalsIgnoreCase(m.name());
                if (password.length > 0) store.put(m.credentialKey(), password);
                else if (renamed) store.move(previous.credentialKey(), m.credentialKey());
                if (renamed) {
                    store.delete(previous.credentialKey());
                    mailboxes.remove(previous.name());
                }
                mailboxes.save(m);
                return new Saved(mailboxes.list(), store.get(m.credentialKey()).isPresent());
            } finally {
                Secrets.wipe(password);
            }
        }, saved -> {
            items.setAll(saved.all());
            form.password.set("");
            selected.set(saved.all().stream().filter(x -> x.name().equalsIgnoreCase(m.name())).findFirst().orElse(null));
            result.set("Saved " + m.name() + "." + (saved.hasPassword() ? "" : " No password is stored for it yet: type it in Password and press Save."));
        }, e -> result.set("Not saved: " + e.getMessage()));
    }

    private record Saved(List<MailboxAccount> all, boolean hasPassword) {}

    /** Removes the chosen mailbox and its password (the view asks first); the events it recorded stay. */
    public void remove() {
        MailboxAccount m = selected.get();
        if (m == null) return;
        runner.run(() -> {
            // The secret goes first: if the credential store cannot be opened, the mailbox stays as it was.
            credentials.get().delete(MailboxCredentials.key(m.name()));
            mailboxes.remove(m.name());
            return mailboxes.list();
        }, all -> {
            items.setAll(all);
            selected.set(null);
            form.clear();
            result.set("Removed " + m.name() + ". The events it recorded stay in the list.");
        }, e -> result.set("Not removed: " + e.getMessage()));
    }

    /** Tests the form as typed (saved or not) with the typed password, else the stored one. */
    public void testConnection() {
        MailboxAccount m;
        try {
            m = form.toAccount();
        } catch (RuntimeException e) {
            result.set(org.broadside.diagnostics.FailureText.logged(LOG, "The mailbox form was refused", e));
            return;
        }
        char[] typed = form.password.get().toCharArray();
        busy.set(true);
        transcript.clear();
        result.set("Testing " + m.host() + ":" + m.port() + "…");
        long mine = ++testGeneration;
        testing = runner.run(() -> {
            char[] password = typed.length > 0 ? typed : credentials.get().get(m.credentialKey()).orElse(null);
            if (password == null) return null;
            try {
                return MailboxProbe.test(connector, m, password);
            } finally {
                Secrets.wipe(password);
                Secrets.wipe(typed);
            }
        }, r -> {
            if (mine != testGeneration) return; // cancelled: a late answer must not overwrite what the user sees
            busy.set(false);
            if (r == null) {
                result.set("✘ Type the password first: none is stored for " + m.name() + ".");
                return;
            }
            transcript.setAll(r.transcript());
            result.set(r.summary());
        }, e -> {
            if (mine != testGeneration) return;
            busy.set(false);
            result.set("✘ " + e.getMessage());
        });
    }

    /** Gives up on a test whose server does not answer. */
    public void cancelTest() {
        if (!busy.get()) return;
        testGeneration++;
        testing.cancel();
        busy.set(false);
        result.set("Test cancelled.");
    }
}
