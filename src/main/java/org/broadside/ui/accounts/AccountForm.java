package org.broadside.ui.accounts;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.broadside.accounts.Account;
import org.broadside.accounts.AccountAuth;
import org.broadside.accounts.AccountKind;
import org.broadside.accounts.AccountPreset;
import org.broadside.accounts.AccountSecurity;

/** The editable fields of one account, as text where the user types numbers, so a half-typed value is no crash. */
public final class AccountForm {
    final StringProperty name = new SimpleStringProperty("");
    final StringProperty host = new SimpleStringProperty("");
    final StringProperty port = new SimpleStringProperty("587");
    final ObjectProperty<AccountSecurity> security = new SimpleObjectProperty<>(AccountSecurity.STARTTLS);
    final ObjectProperty<AccountAuth> auth = new SimpleObjectProperty<>(AccountAuth.PLAIN);
    final StringProperty username = new SimpleStringProperty("");
    final StringProperty password = new SimpleStringProperty("");
    final StringProperty ehloName = new SimpleStringProperty("");
    final StringProperty connections = new SimpleStringProperty("1");
    final StringProperty perConnection = new SimpleStringProperty("100");
    final StringProperty groupSize = new SimpleStringProperty("0");
    final StringProperty groupSeconds = new SimpleStringProperty("0");
    final StringProperty maxPerHour = new SimpleStringProperty("0");
    final StringProperty maxPerDay = new SimpleStringProperty("0");
    final StringProperty pinned = new SimpleStringProperty("");
    final StringProperty maxConnectionFailures = new SimpleStringProperty(String.valueOf(Account.DEFAULT_MAX_CONNECTION_FAILURES));
    final StringProperty chunkingWindow = new SimpleStringProperty(String.valueOf(Account.DEFAULT_CHUNKING_WINDOW));

    public StringProperty nameProperty() { return name; }
    public StringProperty hostProperty() { return host; }
    public StringProperty portProperty() { return port; }
    public ObjectProperty<AccountSecurity> securityProperty() { return security; }
    public ObjectProperty<AccountAuth> authProperty() { return auth; }
    public StringProperty usernameProperty() { return username; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty ehloNameProperty() { return ehloName; }
    public StringProperty connectionsProperty() { return connections; }
    public StringProperty perConnectionProperty() { return perConnection; }
    public StringProperty groupSizeProperty() { return groupSize; }
    public StringProperty groupSecondsProperty() { return groupSeconds; }
    public StringProperty maxPerHourProperty() { return maxPerHour; }
    public StringProperty maxPerDayProperty() { return maxPerDay; }
    public StringProperty pinnedProperty() { return pinned; }
    public StringProperty maxConnectionFailuresProperty() { return maxConnectionFailures; }
    public StringProperty chunkingWindowProperty() { return chunkingWindow; }

    void load(Account a) {
        name.set(a.name());
        host.set(a.host());
        port.set(String.valueOf(a.port()));
        security.set(a.security());
        auth.set(a.auth());
        username.set(nz(a.username()));
        password.set("");
        ehloName.set(nz(a.ehloName()));
        connections.set(String.valueOf(a.connections()));
        perConnection.set(String.valueOf(a.messagesPerConnection()));
        groupSize.set(String.valueOf(a.groupSize()));
        groupSeconds.set(String.valueOf(a.groupIntervalMillis() / 1000));
        maxPerHour.set(String.valueOf(a.maxPerHour()));
        maxPerDay.set(String.valueOf(a.maxPerDay()));
        pinned.set(nz(a.pinnedSha256()));
        maxConnectionFailures.set(String.valueOf(a.maxConnectionFailures()));
        chunkingWindow.set(String.valueOf(a.chunkingWindow()));
    }

    /**
     * Shows a new account: every field at the value a fresh form has (port 587, STARTTLS, one connection, 100
     * messages each, no pause, no limits). Copied from a fresh form so the defaults live in one place.
     */
    void clear(String newName) {
        AccountForm blank = new AccountForm();
        name.set(newName);
        host.set(blank.host.get());
        port.set(blank.port.get());
        security.set(blank.security.get());
        auth.set(blank.auth.get());
        username.set(blank.username.get());
        password.set(blank.password.get());
        ehloName.set(blank.ehloName.get());
        connections.set(blank.connections.get());
        perConnection.set(blank.perConnection.get());
        groupSize.set(blank.groupSize.get());
        groupSeconds.set(blank.groupSeconds.get());
        maxPerHour.set(blank.maxPerHour.get());
        maxPerDay.set(blank.maxPerDay.get());
        pinned.set(blank.pinned.get());
        maxConnectionFailures.set(blank.maxConnectionFailures.get());
        chunkingWindow.set(blank.chunkingWindow.get());
    }

    /** Fills everything but the name from a preset. */
    void apply(AccountPreset p) {
        if (name.get().isBlank()) name.set(p.label());
        host.set(p.host() == null ? "" : p.host());
        port.set(String.valueOf(p.port()));
        security.set(p.security());
        auth.set(p.auth());
        username.set(nz(p.username()));
        connections.set(String.valueOf(p.connections()));
        perConnection.set(String.valueOf(p.messagesPerConnection()));
        groupSize.set(String.valueOf(p.groupSize()));
        groupSeconds.set(String.valueOf(p.groupIntervalMillis() / 1000));
        maxPerHour.set(String.valueOf(p.maxPerHour()));
        maxPerDay.set(String.valueOf(p.maxPerDay()));
    }

    /** The account described by the form; throws IllegalArgumentException (or the model's own) with a sentence. */
    Account toAccount() {
        return Account.builder(name.get().strip()).host(host.get().strip()).port(number(port, "Port"))
                .security(security.get()).auth(auth.get()).username(username.get().strip()).ehloName(ehloName.get().strip())
                .connections(number(connections, "Connections")).messagesPerConnection(number(perConnection, "Messages per connection"))
                .group(number(groupSize, "Group size"), number(groupSeconds, "Group interval") * 1000L)
                .maxPerHour(number(maxPerHour, "Per hour")).maxPerDay(number(maxPerDay, "Per day"))
                .maxConnectionFailures(number(maxConnectionFailures, "Failed connections before pausing"))
                .chunkingWindow(number(chunkingWindow, "Messages in flight"))
                .pinnedSha256(pinned.get().isBlank() ? null : pinned.get().strip()).kind(AccountKind.RELAY).build();
    }

    private static int number(StringProperty p, String what) {
        try {
            return Integer.parseInt(p.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number.");
        }
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
