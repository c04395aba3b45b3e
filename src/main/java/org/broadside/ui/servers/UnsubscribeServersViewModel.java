package org.broadside.ui.servers;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.broadside.ui.common.BackgroundRunner;
import org.broadside.unsubscribe.InvalidServerAddressException;
import org.broadside.unsubscribe.InvalidServerSecretException;
import org.broadside.unsubscribe.KnownServers;
import org.broadside.unsubscribe.PullException;
import org.broadside.unsubscribe.ServerAddress;
import org.broadside.unsubscribe.ServerSecret;
import org.broadside.unsubscribe.UnsubscribeServerRepository;
import org.broadside.unsubscribe.UnsubscribeServerRepository.PulledServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The Broadside servers this desktop pulls unsubscribes (and opens and clicks) from: the list with how each last
 * pull went, Add (address, the key {@code serve --init} showed, perhaps a certificate to trust), Remove and Pull now.
 * Everything that touches the network or the credential store runs in the background.
 */
public final class UnsubscribeServersViewModel {
    /** Pulls one known server and answers what it did (the app's puller, so a pull never runs twice at once). */
    @FunctionalInterface
    public interface Puller {
        String pull(String url);
    }

    /** One server as the table shows it. */
    public record ServerRow(String url, String lastPulled, String result) {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final UnsubscribeServerRepository servers;
    private final KnownServers known;
    private final Puller puller;
    private final BackgroundRunner runner;
    private final ZoneId zone;
    private final ObservableList<ServerRow> rows = FXCollections.observableArrayList();
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty certificate = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty adding = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public UnsubscribeServersViewModel(UnsubscribeServerRepository servers, KnownServers known, Puller puller, BackgroundRunner runner, ZoneId zone) {
        this.servers = servers;
        this.known = known;
        this.puller = puller;
        this.runner = runner;
        this.zone = zone;
    }

    public ObservableList<ServerRow> rows() { return rows; }
    /** The address typed in the Add form. */
    public StringProperty urlProperty() { return url; }
    /** The key typed in the Add form; cleared once saved, never read back from the credential store. */
    public StringProperty keyProperty() { return key; }
    /** A certificate file to trust (self-signed server); empty for the system's trust store. */
    public StringProperty certificateProperty() { return certificate; }
    /** Why the Add form's input was refused; empty when nothing is wrong. */
    public StringProperty problemProperty() { return problem; }
    /** What the last action did. */
    public StringProperty statusProperty() { return status; }
    /** The Add form shows. */
    public BooleanProperty addingProperty() { return adding; }
    /** A test or a pull is running. */
    public BooleanProperty busyProperty() { return busy; }

    /** Reads the list again (the window shows, or an action ended). */
    public void refresh() {
        runner.run(servers::list, list -> rows.setAll(list.stream().map(this::row).toList()),
                e -> status.set("The list of servers could not be read: " + e.getMessage()));
    }

    private ServerRow row(PulledServer s) {
        String when = s.lastPullAt() == null ? "Never" : WHEN.format(Instant.ofEpochMilli(s.lastPullAt()).atZone(zone));
        return new ServerRow(s.url(), when, s.lastResult() == null ? "Not pulled yet" : s.lastResult());
    }

    public void startAdding() {
        problem.set("");
        adding.set(true);
    }

    public void cancelAdding() {
        adding.set(false);
        clearForm();
    }

    /**
     * Checks the form at once (address, key, certificate file), then in the background asks the server whether it
     * takes the key, saves the server and pulls it for the first time. Nothing is saved when the server refuses.
     */
    public void add() {
        String address;
        ServerSecret secret;
        try {
            address = ServerAddress.check(url.get());
        } catch (InvalidServerAddressException e) {
            problem.set(e.getMessage());
            return;
        }
        try {
            secret = ServerSecret.parse(key.get());
        } catch (InvalidServerSecretException e) {
            problem.set((key.get() == null || key.get().isBlank() ? "Paste the server's key." : "That is not a server key: " + e.getMessage() + ".")
                    + " It is the line starting with bss1. that \"broadside serve --init\" showed on the server.");
            return;
        }
        String certText = certificate.get() == null ? "" : certificate.get().strip();
        Path cert = certText.isEmpty() ? null : Path.of(certText);
        if (cert != null && !Files.isRegularFile(cert)) {
            problem.set("There is no certificate file " + cert + ". Choose the server's certificate (PEM), or leave the field empty.");
            return;
        }
        problem.set("");
        busy.set(true);
        status.set("Asking " + address + " whether it takes the key…");
        runner.run(() -> {
            known.add(address, secret, cert);
            return puller.pull(address);
        }, result -> {
            busy.set(false);
            adding.set(false);
            clearForm();
            status.set("Added " + address + ". First pull: " + result);
            refresh();
        }, e -> {
            busy.set(false);
            status.set("");
            problem.set(whyNotAdded(e));
        });
    }

    private static String whyNotAdded(Throwable e) {
        if (e instanceof PullException) return e.getMessage() + " Nothing was saved.";
        if (e instanceof IOException) return "The certificate file cannot be used: " + e.getMessage() + ". Nothing was saved.";
        return "The server could not be added: " + e.getMessage();
    }

    /** Pulls this server now, in the background, and says what it brought. */
    public void pull(ServerRow row) {
        if (row == null) return;
        busy.set(true);
        status.set("Pulling from " + row.url() + "…");
        runner.run(() -> puller.pull(row.url()), result -> {
            busy.set(false);
            status.set(row.url() + ": " + result);
            refresh();
        }, e -> {
            busy.set(false);
            status.set("Pulling from " + row.url() + " failed: " + e.getMessage());
            refresh();
        });
    }

    /** Forgets the server and its key (the view asks first). */
    public void remove(ServerRow row) {
        if (row == null) return;
        runner.run(() -> {
            known.remove(row.url());
            return row.url();
        }, gone -> {
            status.set("Removed " + gone + " and its key. Its unsubscribes are no longer pulled here.");
            refresh();
        }, e -> status.set(row.url() + " could not be removed: " + e.getMessage()));
    }

    private void clearForm() {
        url.set("");
        key.set("");
        certificate.set("");
        problem.set("");
    }

    /** The rows' addresses, for tests and the window's title. */
    List<String> urls() { return rows.stream().map(ServerRow::url).toList(); }
}
