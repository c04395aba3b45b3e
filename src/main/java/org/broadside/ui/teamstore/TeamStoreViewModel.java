package org.broadside.ui.teamstore;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.broadside.accounts.CredentialStore;
import org.broadside.diagnostics.FailureText;
import org.broadside.store.Database;
import org.broadside.store.SavedTeamStore;
import org.broadside.store.StoreException;
import org.broadside.store.TeamStore;
import org.broadside.ui.common.BackgroundRunner;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * File &gt; Open team store: the URL, user and password of a PostgreSQL team store. Open connects on a worker (a
 * server across the network can take seconds to answer or to refuse), creates or updates the schema, and only then
 * remembers the choice (URL and user in the data directory, the password in the credential store) and hands the
 * open store to the app, which moves its windows onto it. A store that cannot be opened changes nothing.
 */
public final class TeamStoreViewModel {
    private final Path dataDirectory;
    private final Supplier<CredentialStore> credentials;
    private final BackgroundRunner runner;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public TeamStoreViewModel(Path dataDirectory, Supplier<CredentialStore> credentials, BackgroundRunner runner) {
        this.dataDirectory = dataDirectory;
        this.credentials = credentials;
        this.runner = runner;
        SavedTeamStore.load(dataDirectory).ifPresent(c -> {
            url.set(c.url());
            user.set(c.user() == null ? "" : c.user());
        });
    }

    public StringProperty urlProperty() { return url; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    /** Why the last Open failed, naming the field or the server's answer; empty when nothing is wrong. */
    public StringProperty problemProperty() { return problem; }
    /** What is happening ("Connecting to db:5432/broadside…"). */
    public StringProperty statusProperty() { return status; }
    public BooleanProperty busyProperty() { return busy; }

    /**
     * Connects and, when the store opens, offers it to {@code moveTo} (on the FX thread), which answers whether the app
     * moved onto it (the user may keep a window with unsaved changes open, or a campaign may be sending). Only a store
     * the app moved onto is remembered; one it did not is closed. An empty password field uses the password saved for
     * this URL, if any.
     */
    public void open(Predicate<Database> moveTo) {
        problem.set("");
        TeamStore team;
        try {
            team = new TeamStore(url.get() == null ? "" : url.get().strip(), user.get(), null);
        } catch (StoreException e) {
            problem.set(e.getMessage());
            return;
        }
        String typed = password.get() == null ? "" : password.get();
        busy.set(true);
        status.set("Connecting to " + team.describe() + "…");
        runner.run(() -> {
            String secret = typed.isEmpty() ? saved(team.url()).orElse(null) : typed;
            return Database.openTeam(dataDirectory, new TeamStore(team.url(), team.user(), secret));
        }, db -> {
            busy.set(false);
            if (!moveTo.test(db)) {
                db.close();
                status.set("Stayed on the store in use: " + team.describe() + " was not opened.");
                return;
            }
            password.set("");
            status.set("Opened " + team.describe() + ".");
            runner.run(() -> {
                remember(team, typed);
                return team;
            }, t -> { }, e -> problem.set("The team store is open, but could not be remembered for the next start: " + FailureText.of(e)));
        }, e -> {
            busy.set(false);
            status.set("");
            problem.set(FailureText.of(e));
        });
    }

    /** Written only once the app is on the store: a typo or a refused move never replaces a working choice. */
    private void remember(TeamStore team, String typed) {
        if (!typed.isEmpty()) credentials.get().put(SavedTeamStore.credentialKey(team.url()), typed.toCharArray());
        SavedTeamStore.save(dataDirectory, new SavedTeamStore.Choice(team.url(), team.user()));
    }

    private Optional<String> saved(String url) {
        return credentials.get().get(SavedTeamStore.credentialKey(url)).map(chars -> {
            String s = new String(chars);
            java.util.Arrays.fill(chars, '\0');
            return s;
        });
    }
}
