package org.broadside.report;

import org.broadside.bounces.BounceCounts;
import org.broadside.bounces.BounceRepository;
import org.broadside.delivery.CampaignRecord;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.SentBy;
import org.broadside.log.Explanation;
import org.broadside.log.ReplyExplainer;
import org.broadside.store.Database;
import org.broadside.store.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a campaign's {@link DeliverySummary} in SQL: every breakdown is one GROUP BY over the campaign's rows, so
 * a million recipients cost a few table scans and never a million Java objects. All queries run in one read
 * transaction, so the numbers of a summary taken during a send add up (totals = sum of the domains).
 */
public final class DeliverySummaryRepository {
    /** Domains shown one by one; the rest are summed into one "others" row. */
    public static final int TOP_DOMAINS = 10;
    /** Reply codes shown, most frequent first. */
    public static final int TOP_REPLY_CODES = 10;
    /** The states that carry a server's answer (or a broken connection's): what the timeline and the rate count. */
    private static final String ANSWERED = "('SENT','FAILED','DEFERRED','UNKNOWN')";
    /** The campaign's rows by id range (they are contiguous: frozen in one transaction), as CampaignRepository reads them. */
    private static final String RANGE = " FROM recipients WHERE id BETWEEN ? AND ? AND +campaign_id = ?";

    private final Database db;
    private final CampaignRepository campaigns;
    private final BounceRepository bounces;
    private final Clock clock;
    private final int topDomains;

    public DeliverySummaryRepository(Database db) {
        this(db, Clock.systemUTC(), TOP_DOMAINS);
    }

    /** With the clock that stamps when a summary was computed (tests pass a fixed one) and how many domains to name. */
    public DeliverySummaryRepository(Database db, Clock clock, int topDomains) {
        this.db = db;
        this.campaigns = new CampaignRepository(db);
        this.bounces = new BounceRepository(db);
        this.clock = clock;
        this.topDomains = topDomains;
    }

    /**
     * The summary of the campaign with this uid, or empty when it was never sent (no Send ever froze its recipients).
     */
    public Optional<DeliverySummary> summarize(String campaignUid) {
        return campaigns.find(campaignUid).filter(CampaignRecord::frozen).map(this::summarize);
    }

    public DeliverySummary summarize(CampaignRecord campaign) {
        int runs = campaigns.runs(campaign.id()).size();
        BounceCounts bounceCounts = bounces.countsFor(campaign.id());
        return db.read(c -> {
            // One snapshot for every query: a send that commits between two of them cannot make the numbers disagree.
            // PostgreSQL's default gives each statement its own snapshot; repeatable read gives the transaction one,
            // as SQLite's read transaction does. (The pool restores the default when the connection goes back.)
            if (db.dialect() == Dialect.POSTGRES) c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            try {
                Scope scope = scope(c, campaign.id());
                StateCounts totals = totals(c, campaign.id());
                long[] span = receiptSpan(c, scope);
                Instant first = span == null ? null : Instant.ofEpochMilli(span[0]);
                Instant last = span == null ? null : Instant.ofEpochMilli(span[1]);
                return new DeliverySummary(campaign.name(), campaign.status(), campaign.statusReason(), runs, clock.instant(),
                        totals, first, last, accounts(c, scope), domains(c, scope, topDomains),
                        replyCodes(c, scope, TOP_REPLY_CODES), timeline(c, scope, span), bounceCounts, senders(c, scope));
            } finally {
                c.rollback();
            }
        });
    }

    /** The processes that recorded the campaign's recipients, most recipients first (the command line's own read). */
    public List<SenderRow> senders(CampaignRecord campaign) {
        return db.read(c -> senders(c, scope(c, campaign.id())));
    }

    /**
     * Counted per run without a join (a campaign has a handful of runs and may have a million recipients), then summed
     * per process: a process that paused and resumed sent as one.
     */
    private static List<SenderRow> senders(Connection c, Scope scope) throws SQLException {
        Map<Long, Long> perRun = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT run_id, COUNT(*)" + RANGE + " AND run_id IS NOT NULL GROUP BY run_id")) {
            scope.bind(p, 1);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) perRun.put(rs.getLong(1), rs.getLong(2));
            }
        }
        if (perRun.isEmpty()) return List.of();
        Map<SentBy, Long> perProcess = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, host, pid FROM runs WHERE campaign_id = ? ORDER BY id")) {
            p.setLong(1, scope.campaignId());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Long n = perRun.get(rs.getLong(1));
                    if (n == null) continue;
                    long pid = rs.getLong(3);
                    perProcess.merge(SentBy.of(rs.getString(2), rs.wasNull() ? null : pid), n, Long::sum);
                }
            }
        }
        List<SenderRow> rows = new ArrayList<>();
        perProcess.forEach((sentBy, n) -> rows.add(new SenderRow(sentBy, n)));
        rows.sort((a, b) -> Long.compare(b.recipients(), a.recipients()));
        return rows;
    }

    /** The campaign's id range. */
    private record Scope(long campaignId, long firstId, long lastId) {
        int bind(PreparedStatement p, int from) throws SQLException {
            p.setLong(from, firstId);
            p.setLong(from + 1, lastId);
            p.setLong(from + 2, campaignId);
            return from + 3;
        }
    }

    private static Scope scope(Connection c, long campaignId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT MIN(id), MAX(id) FROM recipients WHERE campaign_id = ?")) {
            p.setLong(1, campaignId);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return new Scope(campaignId, rs.getLong(1), rs.getLong(2));
            }
        }
    }

    /** Counted from the state index alone. */
    private static StateCounts totals(Connection c, long campaignId) throws SQLException {
        StateCounts totals = new StateCounts();
        try (PreparedStatement p = c.prepareStatement("SELECT state, COUNT(*) FROM recipients WHERE campaign_id = ? GROUP BY state")) {
            p.setLong(1, campaignId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) totals.add(RecipientState.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        return totals;
    }

    /** {first, last} receipt time in epoch milliseconds, or null when no server has answered yet. */
    private static long[] receiptSpan(Connection c, Scope scope) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT MIN(updated_at), MAX(updated_at)" + RANGE + " AND state IN " + ANSWERED)) {
            scope.bind(p, 1);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                long first = rs.getLong(1);
                return rs.wasNull() ? null : new long[] {first, rs.getLong(2)};
            }
        }
    }

    private static List<AccountRow> accounts(Connection c, Scope scope) throws SQLException {
        Map<String, StateCounts> byAccount = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT account, state, COUNT(*)" + RANGE + " AND state IN " + ANSWERED
                + " GROUP BY account, state ORDER BY " + Dialect.of(c).ascendingNullsFirst("account"))) {
            scope.bind(p, 1);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    byAccount.computeIfAbsent(rs.getString(1), a -> new StateCounts())
                            .add(RecipientState.valueOf(rs.getString(2)), rs.getLong(3));
                }
            }
        }
        List<AccountRow> rows = new ArrayList<>();
        byAccount.forEach((account, counts) -> rows.add(new AccountRow(account, counts)));
        rows.sort((a, b) -> Long.compare(b.counts().total(), a.counts().total()));
        return rows;
    }

    private static List<DomainRow> domains(Connection c, Scope scope, int top) throws SQLException {
        Map<String, StateCounts> byDomain = new HashMap<>();
        String at = Dialect.of(c).position("email", "'@'");
        try (PreparedStatement p = c.prepareStatement("SELECT lower(substr(email, " + at + " + 1)) AS domain, state, COUNT(*)"
                + RANGE + " GROUP BY domain, state")) {
            scope.bind(p, 1);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    byDomain.computeIfAbsent(rs.getString(1), d -> new StateCounts())
                            .add(RecipientState.valueOf(rs.getString(2)), rs.getLong(3));
                }
            }
        }
        List<Map.Entry<String, StateCounts>> sorted = new ArrayList<>(byDomain.entrySet());
        sorted.sort((a, b) -> {
            int byTotal = Long.compare(b.getValue().total(), a.getValue().total());
            return byTotal != 0 ? byTotal : a.getKey().compareTo(b.getKey());
        });
        List<DomainRow> rows = new ArrayList<>();
        StateCounts others = new StateCounts();
        int otherDomains = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < top) {
                rows.add(new DomainRow(sorted.get(i).getKey(), sorted.get(i).getValue(), false, 1));
            } else {
                others.addAll(sorted.get(i).getValue());
                otherDomains++;
            }
        }
        if (otherDomains > 0) rows.add(new DomainRow(null, others, true, otherDomains));
        return rows;
    }

    private static List<ReplyCodeRow> replyCodes(Connection c, Scope scope, int top) throws SQLException {
        List<ReplyCodeRow> rows = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT code, COALESCE(enhanced_code, ''), COUNT(*), MIN(reply)" + RANGE
                + " AND code > 0 GROUP BY code, COALESCE(enhanced_code, '') ORDER BY COUNT(*) DESC, code LIMIT ?")) {
            int next = scope.bind(p, 1);
            p.setInt(next, top);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    int code = rs.getInt(1);
                    String enhanced = rs.getString(2).isEmpty() ? null : rs.getString(2);
                    String example = rs.getString(4);
                    Explanation e = ReplyExplainer.explain(code, enhanced, example);
                    rows.add(new ReplyCodeRow(code, enhanced, rs.getLong(3), e.meaning(), e.advice(), example));
                }
            }
        }
        return rows;
    }

    private static Timeline timeline(Connection c, Scope scope, long[] span) throws SQLException {
        if (span == null) return Timeline.EMPTY;
        TimeBucket bucket = TimeBucket.forSpan(java.time.Duration.ofMillis(span[1] - span[0]));
        long width = bucket.millis();
        // Steps start on a whole second/minute/hour/day, so the chart's labels read 14:05, 14:06 rather than 14:05:37.
        long origin = Math.floorDiv(span[0], width) * width;
        int steps = (int) ((span[1] - origin) / width) + 1;
        long[][] counts = new long[steps][4];
        try (PreparedStatement p = c.prepareStatement("SELECT (updated_at - ?) / ? AS step, state, COUNT(*)" + RANGE
                + " AND state IN " + ANSWERED + " GROUP BY step, state")) {
            p.setLong(1, origin);
            p.setLong(2, width);
            scope.bind(p, 3);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    int step = (int) Math.min(Math.max(rs.getLong(1), 0), steps - 1);
                    int column = switch (RecipientState.valueOf(rs.getString(2))) {
                        case SENT -> 0;
                        case DEFERRED -> 1;
                        case FAILED -> 2;
                        default -> 3;
                    };
                    counts[step][column] += rs.getLong(3);
                }
            }
        }
        List<TimelinePoint> points = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            points.add(new TimelinePoint(Instant.ofEpochMilli(origin + i * width), counts[i][0], counts[i][1], counts[i][2], counts[i][3]));
        }
        return new Timeline(bucket, points);
    }
}
