package org.broadside.report;

import org.broadside.delivery.CampaignRecord;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.FrozenRecipient;
import org.broadside.delivery.ReceiptReport;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.SentBy;
import org.broadside.store.Database;
import org.broadside.testing.StoreBackend;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.StringWriter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: a campaign sent by two machines together. The runs rows are written here directly, as the processes would
 * (host and pid), and each recipient's state by one of them; the report and the table name each recipient's machine,
 * and the summary counts per machine. On SQLite and on the team store.
 */
class SentByTest {
    private Database db;
    private CampaignRepository campaigns;
    private CampaignRecord campaign;
    private long first;

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    /** a@ and b@ and d@ by office-pc (two runs of one process), c@ by laptop, e@ not sent yet. */
    private void sentByTwoMachines(StoreBackend backend) {
        db = backend.open(TempDirs.create("sent-by-" + backend));
        campaigns = new CampaignRepository(db);
        CampaignRecord created = campaigns.findOrCreate("shared", "Shared news", null);
        campaigns.freeze(created.id(), sink -> List.of("a@example.com", "b@example.com", "c@example.com", "d@example.com", "e@example.com")
                .forEach(e -> sink.accept(new FrozenRecipient(e, "{}", null))));
        campaign = campaigns.find("shared").orElseThrow();
        first = campaigns.firstRecipientId(campaign.id());
        long office = run("office-pc", 4242);
        long laptop = run("laptop", 991);
        long officeAgain = run("office-pc", 4242);
        record(first, office, RecipientState.SENT);
        record(first + 1, office, RecipientState.FAILED);
        record(first + 2, laptop, RecipientState.SENT);
        record(first + 3, officeAgain, RecipientState.DEFERRED);
    }

    private long run(String host, long pid) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO runs(campaign_id, started_at, host, pid) VALUES (?,?,?,?)",
                    new String[] {"id"})) {
                p.setLong(1, campaign.id());
                p.setLong(2, System.currentTimeMillis());
                p.setString(3, host);
                p.setLong(4, pid);
                p.executeUpdate();
                try (ResultSet rs = p.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private void record(long recipientId, long runId, RecipientState state) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE recipients SET state = ?, attempts = 1, run_id = ?, connection_no = 1, "
                    + "updated_at = ?, account = 'Work', next_attempt_at = ? WHERE id = ?")) {
                p.setString(1, state.name());
                p.setLong(2, runId);
                p.setLong(3, System.currentTimeMillis());
                if (state == RecipientState.DEFERRED) p.setLong(4, System.currentTimeMillis() + 60_000);
                else p.setNull(4, java.sql.Types.BIGINT);
                p.setLong(5, recipientId);
                p.executeUpdate();
            }
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void theCsvNamesEachRecipientsMachineInItsLastColumn(StoreBackend backend) throws Exception {
        sentByTwoMachines(backend);
        StringWriter out = new StringWriter();
        assertThat(ReceiptReport.write(campaigns, campaign.id(), out)).isEqualTo(5);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(ReceiptReport.HEADER + ",sent_by");
        assertThat(lines.subList(1, 6)).satisfiesExactly(
                l -> assertThat(l).startsWith("a@example.com,SENT,").endsWith(",office-pc (process 4242)"),
                l -> assertThat(l).startsWith("b@example.com,FAILED,").endsWith(",office-pc (process 4242)"),
                l -> assertThat(l).startsWith("c@example.com,SENT,").endsWith(",laptop (process 991)"),
                l -> assertThat(l).startsWith("d@example.com,DEFERRED,").endsWith(",office-pc (process 4242)"),
                l -> assertThat(l).startsWith("e@example.com,PENDING,").endsWith(",").as("not sent by anyone yet"));
        assertThat(lines.subList(1, 6)).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(11));
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void theDeliveryTablesPagesCarryTheMachineByRangeAndByState(StoreBackend backend) {
        sentByTwoMachines(backend);
        assertThat(campaigns.listedBetween(campaign.id(), first, first + 4))
                .extracting(r -> r.row().email(), r -> SentBy.label(r.sentBy()))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a@example.com", "office-pc (process 4242)"),
                        org.assertj.core.groups.Tuple.tuple("b@example.com", "office-pc (process 4242)"),
                        org.assertj.core.groups.Tuple.tuple("c@example.com", "laptop (process 991)"),
                        org.assertj.core.groups.Tuple.tuple("d@example.com", "office-pc (process 4242)"),
                        org.assertj.core.groups.Tuple.tuple("e@example.com", ""));
        assertThat(campaigns.listedInState(campaign.id(), RecipientState.SENT, 0, 10))
                .extracting(r -> r.row().email(), r -> r.sentBy().label())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a@example.com", "office-pc (process 4242)"),
                        org.assertj.core.groups.Tuple.tuple("c@example.com", "laptop (process 991)"));
        assertThat(campaigns.listedInState(campaign.id(), RecipientState.SENT, 1, 1)).extracting(r -> r.row().email())
                .as("the page is cut before the join").containsExactly("c@example.com");
        assertThat(campaigns.listedInState(campaign.id(), RecipientState.DEFERRED, 0, 10))
                .extracting(r -> r.sentBy().label(), r -> r.nextAttemptAt() != null)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("office-pc (process 4242)", true));
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void theSummaryCountsPerMachineWithTheRunsOfOneProcessTogether(StoreBackend backend) {
        sentByTwoMachines(backend);
        DeliverySummary s = new DeliverySummaryRepository(db).summarize("shared").orElseThrow();
        assertThat(s.senders()).extracting(SenderRow::label, SenderRow::recipients)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("office-pc (process 4242)", 3L),
                        org.assertj.core.groups.Tuple.tuple("laptop (process 991)", 1L));
        assertThat(s.severalSenders()).isTrue();
        assertThat(ReportWords.senders(s.senders())).isEqualTo("office-pc (process 4242) 3; laptop (process 991) 1");
        assertThat(new DeliverySummaryRepository(db).senders(campaign)).isEqualTo(s.senders());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(SummaryHtml.render(s, ZoneOffset.UTC));
        assertThat(page.select("tr:has(th:containsOwn(Sent by)) td").text())
                .isEqualTo("office-pc (process 4242) 3; laptop (process 991) 1");
    }
}
