package org.broadside.ui.lists;

import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.contacts.validation.MailDomainResolver;
import org.broadside.contacts.validation.MailDomainStatus;
import org.broadside.ui.common.QueuedRunner;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ListCleanupTest {
    @TempDir Path dir;
    private ContactRepository contacts;
    private ListManagerViewModel vm;

    @BeforeEach
    void setUp() {
        contacts = new ContactRepository(Database.open(dir));
        var list = contacts.createList("Dirty", List.of("Name"));
        contacts.upsert(list.id(), List.of(Contact.of("ann@example.com", Map.of("Name", "Ann")),
                Contact.of("ann@example.com.", Map.of("Name", "Ann again")),
                Contact.of("info@example.com", Map.of())));
        vm = new ListManagerViewModel(contacts, new SameThreadRunner());
        vm.refreshLists();
    }

    @Test
    void removingDuplicatesReportsAndShrinksTheTable() {
        assertThat(vm.rows()).hasSize(3);
        vm.deduplicate();
        assertThat(vm.reportProperty().get()).isEqualTo("1 duplicate(s) removed from Dirty.");
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void validatingWithoutDnsReportsRoleAddresses() {
        vm.validate(false, false);
        assertThat(vm.reportProperty().get()).contains("checked            3").contains("role addresses     1");
        assertThat(vm.rows()).hasSize(3);
    }

    @Test
    void cancelEndsAValidationWhoseDomainLookupHangsAndChangesNothing() throws Exception {
        CountDownLatch looking = new CountDownLatch(1);
        MailDomainResolver hangs = domain -> {
            looking.countDown();
            awaitQuietly(never);
            return MailDomainStatus.NO_MAIL;
        };
        QueuedRunner runner = new QueuedRunner();
        ListManagerViewModel threaded = new ListManagerViewModel(contacts, runner, hangs);
        threaded.refreshLists();
        runner.applyUntilQuiet();

        threaded.validate(true, true); // with remove: run to the end, it would delete every address
        assertThat(looking.await(5, TimeUnit.SECONDS)).isTrue();
        threaded.cancel();

        assertThat(threaded.statusProperty().get()).isEqualTo("Cancelling…");
        assertThat(runner.applyNext(5, TimeUnit.SECONDS)).as("the validation ended after Cancel").isTrue();
        assertThat(threaded.reportProperty().get()).startsWith("Validation cancelled while looking up domains (0 of ")
                .contains("no contact was changed.");
        assertThat(threaded.busyProperty().get()).isFalse();
        assertThat(contacts.count(contacts.requireList("Dirty").id())).isEqualTo(3);
        runner.applyUntilQuiet(); // the reload that follows, before the store's directory goes
    }

    @Test
    void cancelStopsADeduplicationBeforeItRemovesAnything() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        ContactRepository pausesOnFirstRead = new ContactRepository(contacts.database()) {
            @Override
            public List<Contact> batchAfter(long listId, long afterId, int limit) {
                reading.countDown();
                awaitQuietly(goOn);
                return super.batchAfter(listId, afterId, limit);
            }
        };
        QueuedRunner runner = new QueuedRunner();
        ListManagerViewModel threaded = new ListManagerViewModel(pausesOnFirstRead, runner, d -> MailDomainStatus.HAS_MX);
        threaded.refreshLists();
        runner.applyUntilQuiet();

        threaded.deduplicate();
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        threaded.cancel();
        goOn.countDown();

        assertThat(runner.applyNext(5, TimeUnit.SECONDS)).isTrue();
        assertThat(threaded.reportProperty().get()).startsWith("De-duplication cancelled").contains("0 duplicate(s) removed");
        runner.applyUntilQuiet();
        assertThat(threaded.rows()).hasSize(3);
    }

    @Test
    void progressShowsTheStepARunningValidationIsAt() throws Exception {
        CountDownLatch looking = new CountDownLatch(1);
        QueuedRunner runner = new QueuedRunner();
        ListManagerViewModel threaded = new ListManagerViewModel(contacts, runner, domain -> {
            looking.countDown();
            awaitQuietly(never);
            return MailDomainStatus.HAS_MX;
        });
        threaded.refreshLists();
        runner.applyUntilQuiet();

        threaded.validate(true, false);
        assertThat(looking.await(5, TimeUnit.SECONDS)).isTrue();
        threaded.pollProgress();

        assertThat(threaded.statusProperty().get()).matches(
                "Validating addresses and looking up their domains… 0 of \\d domains looked up");
        assertThat(threaded.progressProperty().get()).isZero();
        threaded.cancel();
        assertThat(runner.applyNext(5, TimeUnit.SECONDS)).isTrue();
        runner.applyUntilQuiet(); // the reload that follows, before the store's directory goes
    }

    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void releaseHangingWork() {
        never.countDown();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
