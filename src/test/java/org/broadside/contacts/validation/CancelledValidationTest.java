package org.broadside.contacts.validation;

import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.ListTaskMonitor;
import org.broadside.contacts.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A validation stopped between batches: what was done stays done, the rest is untouched, the report says so. */
class CancelledValidationTest {
    static final int CONTACTS = 5_000;
    private ContactRepository repo;
    private ContactList list;
    private final CountDownLatch never = new CountDownLatch(1);

    @BeforeEach
    void fill() {
        repo = new ContactRepository(TestStores.fresh());
        list = repo.createList("L", List.of());
        List<Contact> all = new ArrayList<>();
        // Every address is invalid, so every checked contact gets a flag (or, with remove, goes).
        for (int i = 0; i < CONTACTS; i++) all.add(Contact.of("user" + i + "@@broken.example", Map.of()));
        repo.upsert(list.id(), all);
    }

    @AfterEach
    void releaseHangingLookups() {
        never.countDown();
    }

    /** Cancels as soon as the work reports that this many contacts were checked. */
    private static ListTaskMonitor cancelAfterChecking(long n) {
        return new ListTaskMonitor() {
            private volatile long checked;

            @Override
            public boolean cancelRequested() { return checked >= n; }

            @Override
            public void progress(String unit, long done, long total) {
                if (unit.equals("contacts checked")) checked = done;
            }
        };
    }

    private long flagged() {
        return repo.database().read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM contacts WHERE flags IS NOT NULL")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private long firstUnflaggedId() {
        return repo.database().read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT MIN(id) FROM contacts WHERE flags IS NULL")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aCancelKeepsTheFinishedBatchesAndSaysHowFarItGot() {
        var report = new ListValidator(repo, null).validate(list.id(), false, cancelAfterChecking(ListValidator.BATCH));

        assertThat(report.checked()).isEqualTo(ListValidator.BATCH);
        assertThat(report.cancelled()).isEqualTo("Validation cancelled after 2,000 of 5,000 contacts; the other 3,000"
                + " were not checked and keep their earlier flags.");
        assertThat(report.format()).startsWith(report.cancelled());
        assertThat(flagged()).isEqualTo(ListValidator.BATCH);
        // The checked ones are the first in the list: the rest start right after them.
        long firstId = repo.batchAfter(list.id(), 0, 1).get(0).id();
        assertThat(firstUnflaggedId()).isEqualTo(firstId + ListValidator.BATCH);
    }

    @Test
    void aCancelledRemoveKeepsTheDeletionsOfTheFinishedBatchesOnly() {
        var report = new ListValidator(repo, null).validate(list.id(), true, cancelAfterChecking(ListValidator.BATCH));

        assertThat(report.removed()).isEqualTo(ListValidator.BATCH);
        assertThat(repo.count(list.id())).isEqualTo(CONTACTS - ListValidator.BATCH);
        assertThat(flagged()).isZero();
    }

    @Test
    void aRunThatIsNotCancelledChecksEveryone() {
        var report = new ListValidator(repo, null).validate(list.id(), false, () -> false);

        assertThat(report.cancelled()).isNull();
        assertThat(report.checked()).isEqualTo(CONTACTS);
        assertThat(flagged()).isEqualTo(CONTACTS);
    }

    @Test
    void aResolverThatHangsDoesNotHoldUpACancel() {
        MailDomainResolver hangs = domain -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                // A resolver that swallows the interrupt and goes on waiting would be just as slow: keep waiting.
                try {
                    never.await();
                } catch (InterruptedException again) {
                    Thread.currentThread().interrupt();
                }
            }
            return MailDomainStatus.HAS_MX;
        };
        DomainChecker checker = new DomainChecker(hangs, 4);
        long start = System.nanoTime();
        ListTaskMonitor cancelSoon = () -> System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(200);

        int answered = assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                checker.checkAll(IntStream.range(0, 10).mapToObj(i -> "d" + i + ".example").toList(), cancelSoon));

        assertThat(answered).isZero();
    }

    @Test
    void aCancelWhileDomainsAreLookedUpChangesNoContact() {
        repo.upsert(list.id(), List.of(Contact.of("ann@slow.example", Map.of()), Contact.of("bob@other.example", Map.of())));
        CountDownLatch looking = new CountDownLatch(1);
        MailDomainResolver slow = domain -> {
            looking.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return MailDomainStatus.NO_MAIL;
        };
        ListTaskMonitor cancelOnceLooking = () -> looking.getCount() == 0;

        var report = assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                new ListValidator(repo, new DomainChecker(slow, 1)).validate(list.id(), true, cancelOnceLooking));

        assertThat(report.cancelled()).isEqualTo("Validation cancelled while looking up domains (0 of 2 answered);"
                + " no contact was changed.");
        assertThat(report.checked()).isZero();
        assertThat(repo.count(list.id())).isEqualTo(CONTACTS + 2);
        assertThat(flagged()).isZero();
    }
}
