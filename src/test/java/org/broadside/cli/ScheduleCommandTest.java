package org.broadside.cli;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.broadside.accounts.CredentialStores;
import org.broadside.compose.CampaignSender;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.delivery.DeliveryListener;
import org.broadside.delivery.Receipt;
import org.broadside.delivery.RecipientState;
import org.broadside.schedule.Claimant;
import org.broadside.schedule.Schedule;
import org.broadside.schedule.ScheduleRepository;
import org.broadside.schedule.ScheduleState;
import org.broadside.schedule.ScheduledRuns;
import org.broadside.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "broadside schedule set/list/cancel/run" against a real SMTP server (GreenMail) and a real store. */
class ScheduleCommandTest {
    static final String PASSWORD = "S3cret-Pa55word!";
    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    final CliFixture cli = new CliFixture();

    @BeforeEach
    void setUp() throws IOException {
        greenMail.setUser("sender@acme.example", "sender", PASSWORD);
        cli.env.put("BROADSIDE_CREDENTIALS", "file");
        cli.env.put("BROADSIDE_PASSPHRASE", "correct horse battery staple");
        cli.env.put("SMTP_PASSWORD", PASSWORD);
        ContactRepository contacts = new ContactRepository(Database.open(cli.data));
        ContactList list = contacts.createList("Customers", List.of("First Name"));
        contacts.upsert(list.id(), List.of(Contact.of("jo@example.com", Map.of("First Name", "Jo")),
                Contact.of("ann@example.com", Map.of("First Name", "Ann")),
                Contact.of("bob@example.com", Map.of("First Name", "Bob"))));
        int port = greenMail.getSmtp().getPort();
        // One connection with a 3 s pause after every message: a run lasts long enough to be cut by the window's end.
        assertThat(cli.run("account", "add", "Local", "--host", "127.0.0.1", "--port", Integer.toString(port), "--security", "none",
                "--auth", "plain", "--user", "sender", "--password-env", "SMTP_PASSWORD", "--connections", "1",
                "--group", "1", "--interval-ms", "3000")).as(cli.err()).isZero();
    }

    Path campaign(String id) throws IOException {
        Path file = cli.data.resolve(id + ".json");
        Files.writeString(file, """
                {"id": "%s", "name": "News %s", "account": "Local", "list": "Customers",
                 "from": "Acme News <sender@acme.example>", "subject": "Hello [First Name]",
                 "text": "Hello [First Name]. Unsubscribe: [Unsubscribe]", "unsubscribe": {"url": "https://acme.example/u/[Token]"}}
                """.formatted(id, id));
        return file;
    }

    static String utc(Instant at) { return MINUTES.format(at.atZone(ZoneOffset.UTC)); }

    @Test
    void setThenListShowsTheNextStartInItsZone() throws Exception {
        Path c = campaign("winter");
        assertThat(cli.run("schedule", "set", c.toString(), "--at", "2030-12-24T09:00", "--zone", "Europe/Paris",
                "--window", "09:00-17:00", "--days", "mon-fri")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("News winter: Starts Tue 24 Dec 2030 at 09:00 (Europe/Paris), in ")
                .contains("sends 09:00-17:00, Mon-Fri");
        assertThat(cli.run("schedule", "list")).isZero();
        assertThat(cli.out()).contains("CAMPAIGN").contains("NEXT START").contains("News winter")
                .contains("Tue 2030-12-24 09:00").contains("Europe/Paris").contains("scheduled").contains("never");
    }

    @Test
    void badInputIsRefusedWithWhatToWrite() throws Exception {
        Path c = campaign("winter");
        assertThat(cli.run("schedule", "set", c.toString(), "--at", "24/12/2030")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("2026-12-24T09:00");
        assertThat(cli.run("schedule", "set", c.toString(), "--at", "2030-12-24T09:00", "--days", "mon-fri")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("--days needs --window");
    }

    @Test
    void runSendsTheDueCampaignAndLeavesTheOtherAlone() throws Exception {
        Instant now = Instant.now();
        cli.run("schedule", "set", campaign("due").toString(), "--at", utc(now.minus(Duration.ofMinutes(5))), "--zone", "UTC");
        cli.run("schedule", "set", campaign("later").toString(), "--at", utc(now.plus(Duration.ofDays(1))), "--zone", "UTC");

        assertThat(cli.run("schedule", "run", "--no-dns")).as(cli.out() + cli.err()).isZero();

        assertThat(cli.out()).contains("News due: starting").contains("News due: Finished: sent 3").doesNotContain("News later");
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
        cli.run("schedule", "list");
        assertThat(cli.out()).containsPattern("News due .* done").containsPattern("News later .* scheduled");
        assertThat(cli.run("schedule", "run", "--no-dns")).isZero();
        assertThat(cli.out()).startsWith("Nothing is due. Next: News later, starts");
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aRunOutsideTheWindowSendsNothing() throws Exception {
        Instant now = Instant.now();
        String window = HOURS.format(now.plus(Duration.ofHours(2)).atZone(ZoneOffset.UTC)) + "-"
                + HOURS.format(now.plus(Duration.ofHours(3)).atZone(ZoneOffset.UTC));
        cli.run("schedule", "set", campaign("closed").toString(), "--at", utc(now.minus(Duration.ofHours(1))), "--zone", "UTC",
                "--window", window);

        assertThat(cli.run("schedule", "run", "--no-dns")).isZero();

        assertThat(cli.out()).startsWith("Nothing is due.");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aCancelledCampaignIsNotSent() throws Exception {
        Path c = campaign("cancelled");
        cli.run("schedule", "set", c.toString(), "--at", utc(Instant.now().minus(Duration.ofMinutes(1))), "--zone", "UTC");
        assertThat(cli.run("schedule", "cancel", c.toString())).as(cli.err()).isZero();
        assertThat(cli.out()).contains("News cancelled: schedule cancelled.");
        assertThat(cli.run("schedule", "run", "--no-dns")).isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(cli.run("schedule", "cancel", "No such campaign")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("No scheduled campaign is called \"No such campaign\"");
    }

    @Test
    void aCampaignTheDesktopAppIsSendingIsSkipped() throws Exception {
        Path c = campaign("busy");
        cli.run("schedule", "set", c.toString(), "--at", utc(Instant.now().minus(Duration.ofMinutes(1))), "--zone", "UTC");
        ScheduleRepository repo = new ScheduleRepository(Database.open(cli.data));
        repo.claim("busy", Claimant.self(Claimant.Kind.APP), Instant.now());
        // The app's claim makes it RUNNING, so it is not due: nothing is listed as due, nothing is sent.
        assertThat(cli.run("schedule", "run", "--no-dns")).isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        cli.run("schedule", "list");
        assertThat(cli.out()).contains("sending by the desktop app (process " + ProcessHandle.current().pid() + ")");
    }

    @Test
    void whenTheWindowClosesTheRunPausesAndTheRestWaitsForTheNextOpening() throws Exception {
        Path c = campaign("windowed");
        ZoneId utc = ZoneOffset.UTC;
        // A fake clock: 16:59 on a Monday inside a 09:00-17:00 window; the first receipt moves it past 17:00.
        Instant monday = LocalDateTime.parse("2030-12-02T16:59").toInstant(ZoneOffset.UTC);
        MovableClock clock = new MovableClock(monday);
        assertThat(cli.run("schedule", "set", c.toString(), "--at", "2030-12-02T09:00", "--zone", "UTC", "--window", "09:00-17:00",
                "--days", "mon-fri")).isZero();
        Database db = Database.open(cli.data);
        ScheduleRepository repo = new ScheduleRepository(db);
        ScheduledRuns runs = new ScheduledRuns(repo, CampaignSender.create(db, CredentialStores.open(cli.data, cli.env)),
                Claimant.self(Claimant.Kind.COMMAND_LINE), clock, Duration.ofMillis(50));
        assertThat(runs.due()).extracting(Schedule::campaignUid).containsExactly("windowed");

        DeliveryListener movesTheClock = new DeliveryListener() {
            @Override
            public void receipt(Receipt r) { clock.now = monday.plus(Duration.ofMinutes(2)); }
        };
        var outcome = (ScheduledRuns.Outcome.Ran) runs.run(runs.due().get(0), CampaignSender.PreSendChecks.WITHOUT_DNS, movesTheClock);

        assertThat(outcome.windowClosed()).isTrue();
        assertThat(outcome.result().progress().count(RecipientState.SENT)).isEqualTo(1);
        assertThat(outcome.result().progress().count(RecipientState.PENDING)).isEqualTo(2);
        assertThat(outcome.result().progress().count(RecipientState.UNKNOWN)).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        Schedule after = repo.find("windowed").orElseThrow();
        assertThat(after.state()).isEqualTo(ScheduleState.SCHEDULED);
        assertThat(after.lastResult()).contains("The sending window closed").contains("2 left")
                .contains("waiting for the sending window, resumes Tue 09:00");
        assertThat(after.nextStart(clock.instant())).isEqualTo(LocalDateTime.parse("2030-12-03T09:00").atZone(utc).toInstant());
    }

    @Test
    void theAppsWatcherSendsADueCampaignAndThenSaysWhatStartsNext() throws Exception {
        Path c = campaign("watched");
        Files.writeString(c, Files.readString(c).replace("\"account\": \"Local\"", "\"account\": \"Fast\""));
        assertThat(cli.run("account", "add", "Fast", "--host", "127.0.0.1", "--port", Integer.toString(greenMail.getSmtp().getPort()),
                "--security", "none", "--auth", "plain", "--user", "sender", "--password-env", "SMTP_PASSWORD")).as(cli.err()).isZero();
        Path later = campaign("later");
        assertThat(cli.run("schedule", "set", c.toString(), "--at", "2030-12-02T09:00", "--zone", "UTC")).isZero();
        assertThat(cli.run("schedule", "set", later.toString(), "--at", "2030-12-24T09:00", "--zone", "UTC")).isZero();
        MovableClock clock = new MovableClock(LocalDateTime.parse("2030-12-02T08:59").toInstant(ZoneOffset.UTC));
        Database db = Database.open(cli.data);
        ScheduleRepository repo = new ScheduleRepository(db);
        ScheduledRuns runs = new ScheduledRuns(repo, CampaignSender.create(db, CredentialStores.open(cli.data, cli.env)),
                Claimant.self(Claimant.Kind.APP), clock, Duration.ofMillis(50));
        List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.broadside.schedule.ScheduleWatcher watcher = new org.broadside.schedule.ScheduleWatcher(repo, runs, clock, said::add);

        assertThat(watcher.tick()).as("a minute early: nothing").isEmpty();
        assertThat(said).containsExactly("Next scheduled start: News watched, Mon 2 Dec 2030 at 09:00 (UTC)");
        clock.now = LocalDateTime.parse("2030-12-02T09:00:30").toInstant(ZoneOffset.UTC);
        assertThat(watcher.missed()).as("30 s late is on time, not missed").isEmpty();
        var outcomes = watcher.tick();

        assertThat(outcomes).hasSize(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
        assertThat(repo.find("watched").orElseThrow().state()).isEqualTo(ScheduleState.DONE);
        assertThat(said.subList(1, 3)).containsExactly("Sending News watched (scheduled)",
                "Next scheduled start: News later, Tue 24 Dec 2030 at 09:00 (UTC)");
    }

    @Test
    void aStartMissedWhileTheAppWasClosedWaitsForTheUser() throws Exception {
        Path c = campaign("missed");
        assertThat(cli.run("schedule", "set", c.toString(), "--at", "2030-12-02T09:00", "--zone", "UTC")).isZero();
        MovableClock clock = new MovableClock(LocalDateTime.parse("2030-12-02T11:00").toInstant(ZoneOffset.UTC));
        Database db = Database.open(cli.data);
        ScheduleRepository repo = new ScheduleRepository(db);
        ScheduledRuns runs = new ScheduledRuns(repo, CampaignSender.create(db, CredentialStores.open(cli.data, cli.env)),
                Claimant.self(Claimant.Kind.APP), clock, Duration.ofMillis(50));
        org.broadside.schedule.ScheduleWatcher watcher = new org.broadside.schedule.ScheduleWatcher(repo, runs, clock, s -> { });
        assertThat(watcher.missed()).extracting(Schedule::campaignUid).containsExactly("missed");

        org.broadside.ui.schedule.MissedStart.apply(watcher.missed().get(0), org.broadside.ui.schedule.MissedStart.Choice.LATER, repo, clock.instant());

        assertThat(repo.find("missed").orElseThrow().state()).isEqualTo(ScheduleState.MISSED);
        assertThat(watcher.tick()).isEmpty();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(watcher.missed()).isEmpty();
    }

    @Test
    void lookNowLooksAtOnceBetweenThePeriodicLooks() throws Exception {
        Path c = campaign("nudged");
        assertThat(cli.run("schedule", "set", c.toString(), "--at", "2030-12-02T09:00", "--zone", "UTC")).isZero();
        Database db = Database.open(cli.data);
        ScheduleRepository repo = new ScheduleRepository(db);
        MovableClock clock = new MovableClock(LocalDateTime.parse("2030-12-02T08:00").toInstant(ZoneOffset.UTC));
        ScheduledRuns runs = new ScheduledRuns(repo, CampaignSender.create(db, CredentialStores.open(cli.data, cli.env)),
                Claimant.self(Claimant.Kind.APP), clock, Duration.ofMillis(50));
        java.util.concurrent.atomic.AtomicInteger looks = new java.util.concurrent.atomic.AtomicInteger();
        try (org.broadside.schedule.ScheduleWatcher watcher = new org.broadside.schedule.ScheduleWatcher(repo, runs, clock,
                s -> looks.incrementAndGet())) {
            watcher.start(Duration.ofHours(1));
            waitUntil(() -> looks.get() == 1);
            watcher.lookNow();
            waitUntil(() -> looks.get() == 2);
            assertThat(looks.get()).as("the next periodic look is an hour away").isEqualTo(2);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("not within 5 s");
            Thread.sleep(10);
        }
    }

    @Test
    void everyScheduleCommandHasHelp() {
        for (String sub : List.of("set", "list", "cancel", "run")) {
            assertThat(cli.run("schedule", sub, "--help")).isZero();
            assertThat(cli.out()).contains("Usage: broadside schedule " + sub);
        }
    }

    /** A clock the test (or a listener) moves. */
    static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) { this.now = now; }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
