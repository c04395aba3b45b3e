package org.broadside.store;

import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.Account;
import org.broadside.accounts.AccountAuth;
import org.broadside.accounts.AccountSecurity;
import org.broadside.contacts.ContactRepository;
import org.broadside.events.AppEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another process on the same data directory is played by a second Database instance on the same file: it has its
 * own connections and its own writer id, exactly as the command line would.
 */
class StoreWatcherTest {
    @TempDir Path dir;
    private StoreWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) watcher.close();
    }

    @Test
    void aListCreatedByAnotherProcessIsPublishedHere() throws Exception {
        Database app = Database.open(dir);
        List<AppEvent> heard = new CopyOnWriteArrayList<>();
        app.events().subscribe(heard::add);
        watcher = StoreWatcher.start(app, Duration.ofMillis(50));
        new ContactRepository(Database.open(dir)).createList("From the command line", List.of());
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!heard.contains(AppEvent.ListsChanged.ANY) && System.nanoTime() < until) Thread.sleep(20);
        assertThat(heard).containsExactly(AppEvent.ListsChanged.ANY);
    }

    @Test
    void anOwnWriteIsPublishedOnceNotAgainByTheWatcher() throws Exception {
        Database app = Database.open(dir);
        List<AppEvent> heard = new CopyOnWriteArrayList<>();
        app.events().subscribe(heard::add);
        watcher = StoreWatcher.start(app, Duration.ofMillis(50));
        new ContactRepository(app).createList("Here", List.of());
        Thread.sleep(400);
        assertThat(heard).containsExactly(new AppEvent.ListsChanged("Here"));
    }

    @Test
    void aCommitOfDataNoViewShowsPublishesNothing() throws Exception {
        Database app = Database.open(dir);
        List<AppEvent> heard = new CopyOnWriteArrayList<>();
        app.events().subscribe(heard::add);
        watcher = StoreWatcher.start(app, Duration.ofMillis(50));
        Database other = Database.open(dir);
        // Like a send's state writes: data_version moves, no counter does.
        other.inTransaction(c -> c.createStatement().executeUpdate("UPDATE bounce_rules SET soft_bounce_limit = 5"));
        Thread.sleep(400);
        assertThat(heard).isEmpty();
    }

    @Test
    void onATeamStoreAnAccountSavedFromAnotherMachineIsPublishedHereAndAnOwnWriteOnce() throws Exception {
        // Another machine: a second Database on the same PostgreSQL database, with a data directory of its own.
        TeamStore store = org.broadside.testing.TeamStoreServer.freshStore();
        try (Database app = Database.openTeam(dir.resolve("here"), store);
             Database elsewhere = Database.openTeam(dir.resolve("elsewhere"), store)) {
            List<AppEvent> heard = new CopyOnWriteArrayList<>();
            app.events().subscribe(heard::add);
            watcher = StoreWatcher.start(app, Duration.ofMillis(50));
            new AccountRepository(elsewhere).save(account().build());
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (heard.isEmpty() && System.nanoTime() < until) Thread.sleep(20);
            assertThat(heard).containsExactly(new AppEvent.AccountsChanged());
            heard.clear();
            new AccountRepository(app).save(account().connections(2).build());
            Thread.sleep(400);
            assertThat(heard).as("published by the repository, not again by the watcher").containsExactly(new AppEvent.AccountsChanged());
            watcher.close();
            watcher = null;
        }
    }

    private static Account.Builder account() {
        return Account.builder("Work").host("smtp.example.com").port(587).security(AccountSecurity.STARTTLS)
                .auth(AccountAuth.PLAIN).username("me@example.com");
    }
}
