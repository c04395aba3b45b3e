package org.broadside.delivery;

import org.broadside.campaign.DeliveryOptions;
import org.broadside.store.Database;
import org.broadside.store.StateJournal;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.delivery.RecipientState.*;

/**
 * Crash-safe durability: every state goes to the journal before SQLite, a killed process's journal is replayed by the
 * next open of the database, and a journal still being written by a live process is never touched.
 */
class CrashSafeJournalTest {
    private static final DeliveryOptions CRASH_SAFE = new DeliveryOptions(null, null, null, null, null, null, null, null, "crash-safe", null);
    private final EngineFixture f = new EngineFixture();

    /** Journal entries are written after the freeze stamped the rows, as in a real run. */
    private final long later = System.currentTimeMillis() + 60_000;

    private Object[] update(String email, RecipientState state, int code, String reply) {
        return update(email, state, code, reply, later);
    }

    private Object[] update(String email, RecipientState state, int code, String reply, long at) {
        long id = f.row(email).id();
        return StateWriter.values(new StateUpdate(id, state, code, null, reply, null, 1, null, 1000L, "main", "<m-" + id + "@example.org>",
                0, 1, null, at));
    }

    private Path data() {
        return f.db.directory();
    }

    private List<Path> journalFiles(Path dataDir) throws IOException {
        Path dir = dataDir.resolve(StateJournal.DIRECTORY);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /**
     * The writer lets updates gather before committing them to SQLite, but nobody who waits for the store waits out
     * the gathering: a flush (the end of a pass) and a close (the end of the run) cut it short. A gather of ten
     * minutes makes the test hang if they did not.
     */
    @Test
    void flushAndCloseDoNotWaitOutTheGathering() throws Exception {
        f.withContacts("a@example.com", "b@example.com").frozen();
        long run = f.campaigns.startRun(f.campaign.id());
        StateWriter writer = new StateWriter(f.db, true, java.util.concurrent.TimeUnit.MINUTES.toMillis(10));
        long at = System.currentTimeMillis();
        writer.submit(new StateUpdate(f.row("a@example.com").id(), SENT, 250, null, "ok", null, 1, null, at, "main", null, run, 1, null, at));
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), writer::flush);
        assertThat(f.state("a@example.com")).isEqualTo(SENT);
        writer.submit(new StateUpdate(f.row("b@example.com").id(), SENT, 250, null, "ok", null, 1, null, at, "main", null, run, 1, null, at));
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), writer::close);
        assertThat(f.state("b@example.com")).isEqualTo(SENT);
    }

    @Test
    void theJournalOfAKilledWriterIsReplayedInOrderWhenTheDatabaseIsNextOpened() throws Exception {
        f.withContacts("a@example.com", "b@example.com", "c@example.com").frozen();
        StateJournal j = StateJournal.create(data());
        j.append(1, update("a@example.com", UNKNOWN, 0, "transaction in progress"));
        j.append(2, update("a@example.com", SENT, 250, "2.0.0 queued"));
        j.append(3, update("b@example.com", UNKNOWN, 0, "transaction in progress"));
        j.abandon(); // what a kill leaves: the files, unlocked

        Database reopened = Database.open(data());
        CampaignRepository campaigns = new CampaignRepository(reopened);
        assertThat(campaigns.recipient(f.campaign.id(), "a@example.com").orElseThrow().state()).isEqualTo(SENT);
        assertThat(campaigns.recipient(f.campaign.id(), "a@example.com").orElseThrow().code()).isEqualTo(250);
        assertThat(campaigns.recipient(f.campaign.id(), "b@example.com").orElseThrow().state()).isEqualTo(UNKNOWN);
        assertThat(campaigns.recipient(f.campaign.id(), "c@example.com").orElseThrow().state()).isEqualTo(PENDING);
        assertThat(journalFiles(data())).as("a replayed journal is deleted").isEmpty();
    }

    /**
     * A receipt kept back for the connection's next mark (ADR 0006 amendment) goes to the file with it, in order; a
     * kill before that loses only the receipt, and the recipient stays UNKNOWN as its mark says, never PENDING.
     */
    @Test
    void aReceiptKeptBackIsWrittenWithTheNextRecordOrLostToAKillAsUnknown() throws Exception {
        f.withContacts("a@example.com", "b@example.com", "c@example.com").frozen();
        StateJournal j = StateJournal.create(data());
        j.append(1, update("a@example.com", UNKNOWN, 0, "transaction in progress"));
        j.appendLater(2, update("a@example.com", SENT, 250, "2.0.0 queued"));
        assertThat(j.holding()).isTrue();
        j.append(3, update("b@example.com", UNKNOWN, 0, "transaction in progress"));
        assertThat(j.holding()).as("written with the next record").isFalse();
        j.appendLater(4, update("b@example.com", SENT, 250, "2.0.0 queued"));
        j.abandon(); // a kill before the next record: the kept-back receipt never reached the file

        Database.open(data());
        assertThat(f.state("a@example.com")).isEqualTo(SENT);
        assertThat(f.state("b@example.com")).as("its mark survives, its receipt was lost").isEqualTo(UNKNOWN);
        assertThat(f.state("c@example.com")).isEqualTo(PENDING);
    }

    /** writeHeld writes what the thread kept back, with nothing after it. */
    @Test
    void writeHeldWritesAKeptBackReceiptAlone() throws Exception {
        f.withContacts("a@example.com").frozen();
        StateJournal j = StateJournal.create(data());
        j.append(1, update("a@example.com", UNKNOWN, 0, "transaction in progress"));
        j.appendLater(2, update("a@example.com", SENT, 250, "2.0.0 queued"));
        long before = j.writtenPosition();
        assertThat(j.writeHeld()).isGreaterThan(before);
        assertThat(j.holding()).isFalse();
        j.abandon();
        Database.open(data());
        assertThat(f.state("a@example.com")).isEqualTo(SENT);
    }

    @Test
    void aRunReplaysAJournalLeftBehindSinceItsDatabaseWasOpened() throws Exception {
        // The app opened the database, then a command-line send of the same data directory was killed.
        f.withContacts("a@example.com", "b@example.com").frozen();
        StateJournal j = StateJournal.create(data());
        j.append(1, update("a@example.com", SENT, 250, "2.0.0 queued"));
        j.abandon();
        FakeMessenger server = new FakeMessenger();
        f.run(CRASH_SAFE, false, EngineFixture.lane("main", server, 1));
        assertThat(server.delivered).as("a was SENT by the killed process: not again").containsExactly("b@example.com");
        assertThat(f.state("a@example.com")).isEqualTo(SENT);
        assertThat(journalFiles(data())).isEmpty();
    }

    @Test
    void anOldJournalNeverUndoesANewerState() throws Exception {
        f.withContacts("a@example.com").frozen();
        StateJournal newer = StateJournal.create(data());
        newer.append(1, update("a@example.com", SENT, 250, "2.0.0 queued", later + 5000));
        newer.abandon();
        Database.open(data());
        StateJournal older = StateJournal.create(data());
        older.append(1, update("a@example.com", UNKNOWN, 0, "transaction in progress", later + 4000));
        older.abandon();
        Database.open(data());
        assertThat(f.state("a@example.com")).isEqualTo(SENT);
        assertThat(journalFiles(data())).as("applied or not, a replayed journal is gone").isEmpty();
    }

    @Test
    void aFreshEmptySegmentMayBeAWriterBetweenCreatingAndLockingItAndIsLeftAlone() throws Exception {
        f.withContacts("a@example.com").frozen();
        Path dir = Files.createDirectories(data().resolve(StateJournal.DIRECTORY));
        Path fresh = Files.createFile(dir.resolve("states-9999999999999-00000000-000001.journal"));
        Path old = Files.createFile(dir.resolve("states-0000000000001-00000000-000001.journal"));
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Database.open(data());
        assertThat(Files.exists(fresh)).isTrue();
        assertThat(Files.exists(old)).as("a killed writer's empty segment is cleaned up").isFalse();
    }

    @Test
    void aTornLastRecordIsIgnored() throws Exception {
        f.withContacts("a@example.com", "b@example.com").frozen();
        StateJournal j = StateJournal.create(data());
        j.append(1, update("a@example.com", UNKNOWN, 0, "transaction in progress"));
        j.append(2, update("b@example.com", UNKNOWN, 0, "transaction in progress"));
        j.abandon();
        Path file = journalFiles(data()).get(0);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 3); // the process died inside the second write
        }
        Database.open(data());
        assertThat(f.state("a@example.com")).isEqualTo(UNKNOWN);
        assertThat(f.state("b@example.com")).isEqualTo(PENDING);
    }

    @Test
    void aJournalStillBeingWrittenIsLeftToItsWriter() throws Exception {
        f.withContacts("a@example.com").frozen();
        StateJournal live = StateJournal.create(data());
        live.append(1, update("a@example.com", UNKNOWN, 0, "transaction in progress"));
        Database.open(data()); // e.g. `broadside report` while the app sends
        assertThat(f.state("a@example.com")).as("not replayed under a live writer").isEqualTo(PENDING);
        assertThat(journalFiles(data())).hasSize(1);
        live.close();
        assertThat(journalFiles(data())).isEmpty();
    }

    @Test
    void endOfDataIsSafeFromAKillBeforeTheFinalDotIsWritten() throws Exception {
        f.withContacts("a@example.com", "b@example.com").frozen();
        FakeMessenger server = new FakeMessenger();
        AtomicReference<RecipientState> afterKill = new AtomicReference<>();
        server.afterHook = () -> {
            if (afterKill.get() == null) afterKill.set(stateAfterAKillNow("a@example.com"));
        };
        RunResult r = f.run(CRASH_SAFE, false, EngineFixture.lane("main", server, 1));
        assertThat(afterKill.get()).as("what a process started after a kill at the final \".\" would see").isEqualTo(UNKNOWN);
        assertThat(r.progress().count(SENT)).isEqualTo(2);
        assertThat(f.state("a@example.com")).isEqualTo(SENT);
        assertThat(journalFiles(data())).as("a run that ended cleanly leaves no journal").isEmpty();
    }

    @Test
    void powerSafeRunsJournalWhileSendingAndLeaveNoJournalAfterACleanEnd() throws Exception {
        f.withContacts("a@example.com").frozen();
        FakeMessenger server = new FakeMessenger();
        AtomicReference<Integer> filesDuringSend = new AtomicReference<>();
        server.afterHook = () -> {
            try {
                filesDuringSend.set(journalFiles(data()).size());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        f.run(EngineFixture.lane("main", server, 1));
        assertThat(filesDuringSend.get()).as("power-safe runs reserve recipients in a flushed journal (ADR 0018)").isEqualTo(1);
        assertThat(journalFiles(data())).isEmpty();
        assertThat(f.state("a@example.com")).isEqualTo(SENT);
    }

    /** Copies the data directory as a SIGKILL would leave it on disk and opens the copy like the next start would. */
    private RecipientState stateAfterAKillNow(String email) {
        try {
            Path copy = TempDirs.create("after-kill");
            for (String name : List.of(Database.FILE_NAME, Database.FILE_NAME + "-wal")) {
                Path src = data().resolve(name);
                if (Files.exists(src)) Files.copy(src, copy.resolve(name));
            }
            Files.createDirectories(copy.resolve(StateJournal.DIRECTORY));
            for (Path p : journalFiles(data())) Files.copy(p, copy.resolve(StateJournal.DIRECTORY).resolve(p.getFileName()));
            CampaignRepository campaigns = new CampaignRepository(Database.open(copy));
            return campaigns.recipient(f.campaign.id(), email).orElseThrow().state();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
