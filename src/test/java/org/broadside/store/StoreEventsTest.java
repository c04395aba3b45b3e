package org.broadside.store;

import org.broadside.accounts.AccountPresets;
import org.broadside.accounts.AccountRepository;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.events.AppEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The repositories announce their committed writes on the database's bus, and only those. */
class StoreEventsTest {
    @TempDir Path dir;

    @Test
    void creatingAListPublishesItsName() {
        Database db = Database.open(dir);
        List<AppEvent> heard = new CopyOnWriteArrayList<>();
        db.events().subscribe(heard::add);
        new ContactRepository(db).createList("Club", List.of("City"));
        assertThat(heard).containsExactly(new AppEvent.ListsChanged("Club"));
    }

    @Test
    void aListenerThatReadsOnHearingSeesTheCommittedWrite() {
        Database db = Database.open(dir);
        ContactRepository contacts = new ContactRepository(db);
        var list = contacts.createList("Club", List.of());
        long[] countWhenHeard = {-1};
        db.events().subscribe(e -> countWhenHeard[0] = contacts.count(list.id()));
        contacts.upsert(list.id(), List.of(Contact.of("a@example.com", Map.of())));
        assertThat(countWhenHeard[0]).isEqualTo(1);
    }

    @Test
    void savingAnAccountPublishesAccountsChanged() {
        Database db = Database.open(dir);
        List<AppEvent> heard = new CopyOnWriteArrayList<>();
        db.events().subscribe(heard::add);
        new AccountRepository(db).save(AccountPresets.find("sandbox").orElseThrow().builder("Test").host("127.0.0.1").port(2525).build());
        assertThat(heard).containsExactly(new AppEvent.AccountsChanged());
    }

    @Test
    void aFailedWritePublishesNothing() {
        Database db = Database.open(dir);
        ContactRepository contacts = new ContactRepository(db);
        contacts.createList("Club", List.of());
        var other = contacts.createList("Other", List.of());
        List<AppEvent> heard = new CopyOnWriteArrayList<>();
        db.events().subscribe(heard::add);
        assertThatThrownBy(() -> contacts.renameList(other.id(), "Club")).isInstanceOf(StoreException.class);
        assertThat(heard).isEmpty();
    }
}
