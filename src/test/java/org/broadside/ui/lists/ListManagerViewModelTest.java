package org.broadside.ui.lists;

import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.ui.common.QueuedRunner;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ListManagerViewModelTest {
    static final int CONTACTS = 50_000;
    @TempDir static Path dir;
    static ContactRepository contacts;
    private ListManagerViewModel vm;

    @BeforeAll
    static void fill() {
        contacts = new ContactRepository(Database.open(dir));
        ContactList list = contacts.createList("Big", List.of("Name", "City"));
        List<Contact> batch = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            batch.add(Contact.of(String.format("user%06d@example.com", i), Map.of("Name", "N" + (CONTACTS - i), "City", i % 10 == 0 ? "Paris" : "Lyon")));
        }
        contacts.upsert(list.id(), batch);
    }

    @BeforeEach
    void setUp() {
        vm = new ListManagerViewModel(contacts, new SameThreadRunner());
        vm.refreshLists();
    }

    @Test
    void tableSizeIsTheWholeListButOnlyTouchedPagesAreRead() {
        assertThat(vm.rows()).hasSize(CONTACTS);
        assertThat(vm.pagesLoaded()).isZero();
        ContactRow far = vm.rows().get(CONTACTS - 1);
        assertThat(far.contact().email()).isEqualTo(String.format("user%06d@example.com", CONTACTS - 1));
        vm.rows().get(CONTACTS - 2);
        assertThat(vm.pagesLoaded()).isEqualTo(1);
    }

    @Test
    void searchIsDoneByTheDatabaseOverAllFields() {
        vm.searchProperty().set("Paris");
        assertThat(vm.rows()).hasSize(CONTACTS / 10);
        assertThat(vm.statusProperty().get()).isEqualTo(String.format("%,d of %,d contacts match", CONTACTS / 10, CONTACTS));
    }

    @Test
    void sortingByAFieldReordersInSql() {
        vm.sortBy("Name", true);
        // Names are "N1".."N50000" as text: "N1" < "N10" < ...; the last address has Name "N1".
        assertThat(vm.rows().get(0).contact().email()).isEqualTo(String.format("user%06d@example.com", CONTACTS - 1));
        vm.sortBy("Email", false);
        assertThat(vm.rows().get(0).contact().email()).isEqualTo(String.format("user%06d@example.com", CONTACTS - 1));
    }

    @Test
    void aPageOfTheLastRowsOfAMillionSizedOffsetLoadsQuickly() {
        long start = System.nanoTime();
        vm.rows().get(CONTACTS - 1);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
    }

    @Test
    void aCountStillRunningWhenTheSearchChangesIsNeverShownOverTheNewerOne() throws Exception {
        CountDownLatch firstCountRunning = new CountDownLatch(1);
        CountDownLatch releaseFirstCount = new CountDownLatch(1);
        AtomicInteger totals = new AtomicInteger();
        // The total of a searched list is counted after the matches: hold the first such count back, as a slow
        // database would, so the second search's count could overtake it.
        ContactRepository slowFirst = new ContactRepository(contacts.database()) {
            @Override
            public long count(long listId) {
                if (totals.incrementAndGet() == 1) {
                    firstCountRunning.countDown();
                    try {
                        releaseFirstCount.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.count(listId);
            }
        };
        QueuedRunner runner = new QueuedRunner();
        ListManagerViewModel typed = new ListManagerViewModel(slowFirst, runner);
        typed.selectedProperty().set(slowFirst.requireList("Big"));
        runner.applyUntilQuiet();

        typed.searchProperty().set("Paris");
        assertThat(firstCountRunning.await(10, TimeUnit.SECONDS)).isTrue();
        typed.searchProperty().set("Lyon");
        // Give a second count the time to finish ahead of the held one, as it would on a real machine.
        runner.applyNext(1, TimeUnit.SECONDS);
        releaseFirstCount.countDown();
        runner.applyUntilQuiet();

        assertThat(typed.statusProperty().get()).isEqualTo(String.format("%,d of %,d contacts match", CONTACTS - CONTACTS / 10, CONTACTS));
        assertThat(typed.rows()).hasSize(CONTACTS - CONTACTS / 10);
    }
}
