package org.broadside.report;

import org.broadside.delivery.CampaignRecord;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.CampaignStatus;
import org.broadside.delivery.FrozenRecipient;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.StateUpdate;
import org.broadside.delivery.StateWriter;
import org.broadside.store.Database;
import org.broadside.testing.StoreBackend;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A campaign sent into a real store (SQLite unless a backend is named) through the real repositories and state writer, with known outcomes, for
 * the report's tests. Twelve recipients over five domains and two accounts:
 * <pre>
 *  #  address          state     reply                 account  at (s after T0)
 *  1  a1@example.com   SENT      250 2.0.0             Work     0
 *  2  a2@example.com   SENT      250 2.0.0             Work     10
 *  3  a3@example.com   FAILED    550 5.1.1             Work     20
 *  4  a4@Example.COM   SENT      250 2.0.0             Backup   65
 *  5  a5@example.com   PENDING
 *  6  b1@gmail.com     SENT      250 2.0.0             Backup   70
 *  7  b2@gmail.com     DEFERRED  451 4.7.1             Work     75
 *  8  b3@gmail.com     UNKNOWN   (no reply)            Work     80
 *  9  c1@yahoo.com     FAILED    554 5.7.1             Backup   120
 * 10  c2@yahoo.com     SKIPPED   (blacklisted)
 * 11  d1@small.org     SENT      250 2.0.0             Work     125
 * 12  e1@tiny.net      PENDING
 * </pre>
 */
public final class SentCampaign {
    public static final String UID = "spring-2026";
    public static final String NAME = "Spring news";
    /** The first receipt's time, on a whole second. */
    public static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    public final Database db;
    public final CampaignRepository campaigns;
    public final CampaignRecord record;

    public SentCampaign(Path dataDirectory) {
        this(dataDirectory, StoreBackend.SQLITE);
    }

    public SentCampaign(Path dataDirectory, StoreBackend backend) {
        db = backend.open(dataDirectory);
        campaigns = new CampaignRepository(db);
        CampaignRecord created = campaigns.findOrCreate(UID, NAME, null);
        List<String> emails = List.of("a1@example.com", "a2@example.com", "a3@example.com", "a4@Example.COM", "a5@example.com",
                "b1@gmail.com", "b2@gmail.com", "b3@gmail.com", "c1@yahoo.com", "c2@yahoo.com", "d1@small.org", "e1@tiny.net");
        campaigns.freeze(created.id(), sink -> emails.forEach(e ->
                sink.accept(new FrozenRecipient(e, "{}", e.equals("c2@yahoo.com") ? "blacklisted" : null))));
        record = campaigns.find(UID).orElseThrow();
    }

    /** Records the outcomes of the table above, as a run of the engine would. */
    public SentCampaign send() {
        long run = campaigns.startRun(record.id());
        long first = campaigns.firstRecipientId(record.id());
        StateWriter writer = new StateWriter(db, true);
        try {
            answer(writer, run, first, 1, RecipientState.SENT, 250, "2.0.0", "2.0.0 Ok: queued as A1", "Work", 0);
            answer(writer, run, first, 2, RecipientState.SENT, 250, "2.0.0", "2.0.0 Ok: queued as A2", "Work", 10);
            answer(writer, run, first, 3, RecipientState.FAILED, 550, "5.1.1", "5.1.1 <a3@example.com>: Recipient address rejected: User unknown", "Work", 20);
            answer(writer, run, first, 4, RecipientState.SENT, 250, "2.0.0", "2.0.0 Ok: queued as A4", "Backup", 65);
            answer(writer, run, first, 6, RecipientState.SENT, 250, "2.0.0", "2.0.0 Ok: queued as B1", "Backup", 70);
            answer(writer, run, first, 7, RecipientState.DEFERRED, 451, "4.7.1", "4.7.1 Greylisted, try again later", "Work", 75);
            answer(writer, run, first, 8, RecipientState.UNKNOWN, 0, null, null, "Work", 80);
            answer(writer, run, first, 9, RecipientState.FAILED, 554, "5.7.1", "5.7.1 Message rejected as spam", "Backup", 120);
            answer(writer, run, first, 11, RecipientState.SENT, 250, "2.0.0", "2.0.0 Ok: queued as D1", "Work", 125);
            writer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        campaigns.endRun(run, "paused");
        campaigns.setStatus(record.id(), CampaignStatus.PAUSED, "paused by the user");
        return this;
    }

    private static void answer(StateWriter writer, long run, long firstId, int n, RecipientState state, int code, String enhanced,
                               String reply, String account, int secondsAfterT0) {
        long at = T0.plusSeconds(secondsAfterT0).toEpochMilli();
        writer.submit(new StateUpdate(firstId + n - 1, state, code, enhanced, reply, null, 1,
                state == RecipientState.DEFERRED ? at + 600_000 : null, at, account, "<m" + n + "@broadside>", run, 1, null, at));
    }
}
