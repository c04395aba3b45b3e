package org.broadside.delivery;

import org.broadside.campaign.DeliveryOptions;
import org.broadside.store.Database;
import org.broadside.store.StateJournal;
import org.broadside.testing.TempDirs;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The power-safe promise under a simulated power cut (ADR 0018). A campaign is sent through the real SMTP client to the
 * scripted server on loopback while every flush of the journal to disk is recorded (the bytes it made durable) together
 * with the recipients whose final "." had been released by then. For every flush k, the cut falls just before flush
 * k+1 completes: the disk keeps the journal as flush k left it and SQLite as it was before the run (the worst case:
 * none of the run's commits survived; with one journal segment nothing was deleted), while the server may have every
 * message whose "." was released before flush k+1. Opened in a later boot, the store must then show every such
 * recipient as attempted (never PENDING: a re-run would duplicate it), and at most the window per connection UNKNOWN.
 */
class PowerCutSimulationTest {
    private static final int RECIPIENTS = 400;
    private static final int CONNECTIONS = 4;

    private final EngineFixture f = new EngineFixture();

    /** One flush: the journal bytes it made durable, and the recipients whose "." was released before it completed. */
    private record Flush(String file, byte[] bytes, Set<Long> dotsBefore) {}

    @AfterEach
    void cleanUp() {
        StateJournal.onForce(null);
        System.clearProperty("broadside.durabilityWindow");
    }

    /** Window 1: every "." waits for the flush of the reservation made just before it; 8: the reservations run ahead. */
    @ParameterizedTest
    @ValueSource(ints = {1, 8})
    void aPowerCutAtAnyFlushLeavesEverySentRecipientAttemptedAndAtMostTheWindowUnknown(int window) throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) emails.add("r" + i + "@example.com");
        f.withContacts(emails.toArray(String[]::new)).frozen();
        Path beforeRun = snapshotDatabase();

        Set<Long> dots = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Flush> flushes = new CopyOnWriteArrayList<>();
        StateJournal.onForce((file, bytes) -> {
            flushes.add(new Flush(file.getFileName().toString(), read(file, bytes), Set.copyOf(dots)));
            // A slow disk: the connections outrun the flushes, so every "." must really wait for its reservation.
            sleep(15);
        });
        System.setProperty("broadside.durabilityWindow", Integer.toString(window));

        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            AccountLane scripted = EngineFixture.scriptedLane(server, CONNECTIONS);
            Messenger recording = recordingDots(scripted.messenger(), dots);
            AccountLane lane = EngineFixture.lane("scripted", recording, CONNECTIONS);
            RunResult r = f.run(DeliveryOptions.defaults(), false, lane);
            assertThat(r.progress().count(RecipientState.SENT)).isEqualTo(RECIPIENTS);
            assertThat(server.messages()).hasSize(RECIPIENTS);
        }
        StateJournal.onForce(null);
        assertThat(flushes.size()).as("flushes recorded (cut points)").isGreaterThanOrEqualTo(5);
        assertThat(flushes.stream().map(Flush::file).distinct().count()).as("one journal segment: nothing was deleted").isEqualTo(1);

        int maxUnknown = 0;
        for (int k = 0; k < flushes.size(); k++) {
            Set<Long> maybeOnTheServer = k + 1 < flushes.size() ? flushes.get(k + 1).dotsBefore() : dots;
            Map<Long, String> states = statesAfterPowerCut(beforeRun, flushes.get(k));
            int unknown = 0;
            for (long id : maybeOnTheServer) {
                String state = states.get(id);
                if (state.equals("PENDING")) fail("cut after flush " + k + ": recipient " + id + " may be on the server but the store says PENDING");
            }
            for (String s : states.values()) if (s.equals("UNKNOWN")) unknown++;
            assertThat(unknown).as("UNKNOWN after a cut after flush " + k).isLessThanOrEqualTo(window * CONNECTIONS);
            maxUnknown = Math.max(maxUnknown, unknown);
        }
        assertThat(maxUnknown).as("the window was used").isGreaterThan(0);
    }

    @Test
    void aKillInTheSameBootIgnoresReservations() throws Exception {
        f.withContacts("a@example.com", "b@example.com").frozen();
        StateWriter w = new StateWriter(f.db, true);
        long ida = f.row("a@example.com").id(), idb = f.row("b@example.com").id();
        w.awaitReserved(w.reserveLater(reservation(ida)));
        w.awaitReserved(w.reserveLater(reservation(idb)));
        w.cancelReservation(idb);
        Path copy = copyWithJournal(f.db.directory(), null);
        Path foreign = copyWithJournal(f.db.directory(), "0badb007");
        w.close();
        CampaignRepository sameBoot = new CampaignRepository(Database.open(copy));
        assertThat(sameBoot.recipient(f.campaign.id(), "a@example.com").orElseThrow().state()).as("a kill: the reservation means nothing")
                .isEqualTo(RecipientState.PENDING);
        CampaignRepository laterBoot = new CampaignRepository(Database.open(foreign));
        assertThat(laterBoot.recipient(f.campaign.id(), "a@example.com").orElseThrow().state()).as("a power cut: perhaps sent")
                .isEqualTo(RecipientState.UNKNOWN);
        assertThat(laterBoot.recipient(f.campaign.id(), "b@example.com").orElseThrow().state()).as("cancelled: handed back unsent")
                .isEqualTo(RecipientState.PENDING);
    }

    /** A reservation kept back for the thread's next write has no position until it is written, and then counts. */
    @Test
    void aReservationKeptBackIsWrittenWithTheNextRecordOrWhenAwaited() throws Exception {
        f.withContacts("a@example.com", "b@example.com").frozen();
        StateWriter w = new StateWriter(f.db, true);
        long ida = f.row("a@example.com").id(), idb = f.row("b@example.com").id();
        StateJournal.Kept a = w.reserveLater(reservation(ida));
        assertThat(a.position()).as("kept back: not in the file yet").isZero();
        assertThat(w.holding()).isTrue();
        w.awaitReserved(a); // writes it first, then waits for the disk
        assertThat(a.position()).isPositive();
        assertThat(w.reservedPosition()).isGreaterThanOrEqualTo(a.position());
        assertThat(w.holding()).isFalse();

        StateJournal.Kept b = w.reserveLater(reservation(idb));
        long cancelled = w.cancelReservation(ida); // one write: b's reservation, then a's cancellation
        assertThat(b.position()).as("written with the next record").isEqualTo(cancelled);
        w.awaitReserved(cancelled);
        Path foreign = copyWithJournal(f.db.directory(), "0badb007");
        w.close();
        CampaignRepository laterBoot = new CampaignRepository(Database.open(foreign));
        assertThat(laterBoot.recipient(f.campaign.id(), "a@example.com").orElseThrow().state()).as("cancelled: handed back unsent")
                .isEqualTo(RecipientState.PENDING);
        assertThat(laterBoot.recipient(f.campaign.id(), "b@example.com").orElseThrow().state()).as("a power cut: perhaps sent")
                .isEqualTo(RecipientState.UNKNOWN);
    }

    private StateUpdate reservation(long id) {
        return new StateUpdate(id, RecipientState.UNKNOWN, 0, null, "reserved", null, 1, null, System.currentTimeMillis(), "main", null,
                0, 1, null, System.currentTimeMillis() + 60_000);
    }

    /** The data directory as a copy: the database, and the journal renamed into another boot when {@code boot} is set. */
    private static Path copyWithJournal(Path data, String boot) throws IOException {
        Path copy = TempDirs.create("journal-copy");
        for (String name : List.of(Database.FILE_NAME, Database.FILE_NAME + "-wal")) {
            if (Files.exists(data.resolve(name))) Files.copy(data.resolve(name), copy.resolve(name));
        }
        Path dir = Files.createDirectories(copy.resolve(StateJournal.DIRECTORY));
        try (var files = Files.list(data.resolve(StateJournal.DIRECTORY))) {
            for (Path p : files.toList()) Files.write(dir.resolve(boot == null ? p.getFileName().toString() : inBoot(p.getFileName().toString(), boot)),
                    Files.readAllBytes(p));
        }
        return copy;
    }

    /** A segment name (states-STAMP-RANDOM-BOOT-NO.journal) as if written in another boot of the machine. */
    private static String inBoot(String name, String boot) {
        String[] parts = name.split("-");
        assertThat(parts).hasSize(5);
        parts[3] = boot;
        return String.join("-", parts);
    }

    private Path snapshotDatabase() throws IOException {
        Path copy = TempDirs.create("before-run");
        for (String name : List.of(Database.FILE_NAME, Database.FILE_NAME + "-wal")) {
            Path src = f.db.directory().resolve(name);
            if (Files.exists(src)) Files.copy(src, copy.resolve(name));
        }
        return copy;
    }

    private Map<Long, String> statesAfterPowerCut(Path beforeRun, Flush flush) throws IOException {
        Path dir = TempDirs.create("power-cut");
        for (String name : List.of(Database.FILE_NAME, Database.FILE_NAME + "-wal")) {
            if (Files.exists(beforeRun.resolve(name))) Files.copy(beforeRun.resolve(name), dir.resolve(name));
        }
        Path journal = Files.createDirectories(dir.resolve(StateJournal.DIRECTORY));
        Files.write(journal.resolve(inBoot(flush.file(), "0badb007")), flush.bytes());
        Database db = Database.open(dir);
        return db.read(c -> {
            Map<Long, String> out = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, state FROM recipients"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.put(rs.getLong(1), rs.getString(2));
            }
            return out;
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] read(Path file, long bytes) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate((int) bytes);
            while (b.hasRemaining() && ch.read(b, b.position()) > 0) { /* positional reads until full */ }
            return b.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messenger with each released "." noted (just after the engine's hook returns, just before it is written). */
    private static Messenger recordingDots(Messenger real, Set<Long> dots) {
        return (id, log) -> {
            MessengerSession s = real.open(id, log);
            return new MessengerSession() {
                @Override public String greeting() { return s.greeting(); }

                @Override
                public Attempt send(OutgoingMessage message, EndOfDataHook hook) throws InterruptedException {
                    return send(message, hook, null);
                }

                @Override
                public Attempt send(OutgoingMessage message, EndOfDataHook hook, OutgoingMessage next) throws InterruptedException {
                    return s.send(message, () -> {
                        hook.beforeEndOfData();
                        dots.add(message.recipientId());
                    }, next);
                }

                @Override public boolean usable() { return s.usable(); }

                @Override public void close() { s.close(); }
            };
        };
    }
}
