package org.broadside.unsubscribe;

import org.broadside.bounces.WebUnsubscribe;
import org.broadside.bounces.WebUnsubscribes;
import org.broadside.store.DataAccess;
import org.broadside.store.Database;
import org.broadside.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server's event log. Request threads hand their event to one writer thread, which commits whatever has queued
 * up in one transaction (group commit: one fsync for many events, as the store runs synchronous=FULL) and only then
 * completes each request's future, so an answer is sent only for an event that is on the disk. When the store knows
 * the campaign (a shared store), the same transaction applies it by the bounce rules. {@link #close} takes no new
 * events, writes what is queued and stops: a clean shutdown loses nothing it answered for.
 */
@DataAccess
public final class ServerEventLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerEventLog.class);
    private static final int BATCH = 512;

    private final Database db;
    private final BlockingQueue<Request> queue = new ArrayBlockingQueue<>(8192);
    private final Thread writer;
    private volatile boolean closing;

    /** What a request wrote: the event it answers with, and whether it is new (not a standing unsubscribe). */
    private record Recorded(Optional<ServerEvent> event, boolean created) {}

    private record Request(ServerEventKind kind, RecipientToken who, String source, Integer link, String url,
                           CompletableFuture<Optional<ServerEvent>> done) {}

    public ServerEventLog(Database db) {
        this.db = db;
        this.writer = new Thread(this::writeLoop, "server-event-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Records that this recipient unsubscribed, unless they already are (the latest of their unsubscribes and undos
     * is an unsubscribe): then the existing event is the answer and nothing new is written.
     */
    public CompletableFuture<Optional<ServerEvent>> unsubscribe(RecipientToken who, String source) {
        return submit(new Request(ServerEventKind.UNSUBSCRIBE, who, source, null, null, new CompletableFuture<>()));
    }

    /** Records the undo of this recipient's standing unsubscribe; empty when there is none to undo. */
    public CompletableFuture<Optional<ServerEvent>> undo(RecipientToken who, String source) {
        return submit(new Request(ServerEventKind.UNDO, who, source, null, null, new CompletableFuture<>()));
    }

    /** Records an open (link and url null) or a click on the recipient's link number {@code link} to {@code url}. */
    public CompletableFuture<Optional<ServerEvent>> track(RecipientToken who, Integer link, String url) {
        ServerEventKind kind = link == null ? ServerEventKind.OPEN : ServerEventKind.CLICK;
        return submit(new Request(kind, who, link == null ? "pixel" : "link", link, url, new CompletableFuture<>()));
    }

    /** True when the latest of this recipient's unsubscribes and undos is an unsubscribe (a read: GET pages use it). */
    public boolean isUnsubscribed(RecipientToken who) {
        return db.read(c -> standing(c, who).isPresent());
    }

    /** Events no desktop has acknowledged yet, oldest first, after row id {@code afterId}. */
    public List<ServerEvent> unacknowledged(long afterId, int limit) {
        return db.read(c -> {
            List<ServerEvent> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, uid, kind, source, campaign_uid, email, refers_to, link, url, at FROM server_events "
                    + "WHERE acked_at IS NULL AND id > ? ORDER BY id LIMIT ?")) {
                p.setLong(1, afterId);
                p.setInt(2, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        int link = rs.getInt(8);
                        Integer l = rs.wasNull() ? null : link;
                        out.add(new ServerEvent(rs.getLong(1), rs.getString(2), ServerEventKind.valueOf(rs.getString(3)), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), l, rs.getString(9), Instant.ofEpochMilli(rs.getLong(10))));
                    }
                }
            }
            return out;
        });
    }

    /** Marks these events applied by a desktop; returns how many were newly acknowledged. Unknown uids are ignored. */
    public int acknowledge(Collection<String> uids) {
        return db.inTransaction(c -> {
            int n = 0;
            long now = System.currentTimeMillis();
            try (PreparedStatement p = c.prepareStatement("UPDATE server_events SET acked_at = ? WHERE uid = ? AND acked_at IS NULL")) {
                for (String uid : uids) {
                    p.setLong(1, now);
                    p.setString(2, uid);
                    n += p.executeUpdate();
                }
            }
            return n;
        });
    }

    /** The campaign's name when this store knows the campaign (a shared store), for the landing page. */
    public Optional<String> campaignName(String campaignUid) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT name FROM campaigns WHERE uid = ?")) {
                p.setString(1, campaignUid);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** How many events are recorded (for tests and the benchmark's check). */
    public long count(ServerEventKind kind) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM server_events WHERE kind = ?")) {
                p.setString(1, kind.name());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    private CompletableFuture<Optional<ServerEvent>> submit(Request r) {
        if (closing) {
            r.done.completeExceptionally(new ServerClosingException());
            return r.done;
        }
        try {
            if (!queue.offer(r, 5, TimeUnit.SECONDS)) r.done.completeExceptionally(new StoreException("the event log is overloaded", null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.done.completeExceptionally(e);
        }
        return r.done;
    }

    private void writeLoop() {
        List<Request> batch = new ArrayList<>(BATCH);
        Connection c = null;
        try {
            while (true) {
                try {
                    Request first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (closing && queue.isEmpty()) return;
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    // One connection for the writer's life: opening one (and its pragmas) costs more than a batch.
                    if (c == null) c = db.connect();
                    write(c, batch);
                } catch (InterruptedException e) {
                    if (!closing) Thread.currentThread().interrupt();
                } catch (SQLException | RuntimeException e) {
                    LOG.error("Writing {} server events failed", batch.size(), e);
                    for (Request r : batch) r.done.completeExceptionally(e);
                    c = closeQuietly(c);
                } finally {
                    batch.clear();
                }
            }
        } finally {
            closeQuietly(c);
        }
    }

    /** Whether the store knows the campaign, asked once per batch and campaign. */
    private static boolean knows(Connection c, java.util.Map<String, Boolean> known, String campaignUid) throws SQLException {
        Boolean k = known.get(campaignUid);
        if (k == null) {
            k = WebUnsubscribes.knowsCampaign(c, campaignUid);
            known.put(campaignUid, k);
        }
        return k;
    }

    private static Connection closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Closing the event writer's connection: {}", e.getMessage());
            }
        }
        return null;
    }

    private void write(Connection c, List<Request> batch) throws SQLException {
        List<Recorded> results = new ArrayList<>(batch.size());
        WebUnsubscribes.Applied applied;
        c.setAutoCommit(false);
        try {
            List<WebUnsubscribe> local = new ArrayList<>();
            java.util.Map<String, Boolean> known = new java.util.HashMap<>();
            for (Request r : batch) {
                Recorded rec = record(c, r);
                results.add(rec);
                if (rec.created() && knows(c, known, r.who.campaignUid())) {
                    ServerEvent ev = rec.event().orElseThrow();
                    if (ev.kind() == ServerEventKind.UNSUBSCRIBE || ev.kind() == ServerEventKind.UNDO) {
                        local.add(new WebUnsubscribe(ev.uid(), ev.kind() == ServerEventKind.UNDO, ev.refersTo(), ev.source(), ev.campaignUid(), ev.email(), ev.at()));
                    } else {
                        TrackingRepository.record(c, ev);
                    }
                }
            }
            applied = local.isEmpty() ? null : WebUnsubscribes.applyIn(db, c, local);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        if (applied != null) WebUnsubscribes.announce(db, applied);
        for (int i = 0; i < batch.size(); i++) batch.get(i).done.complete(results.get(i).event());
    }

    private static Recorded record(Connection c, Request r) throws SQLException {
        return switch (r.kind) {
            case UNSUBSCRIBE -> {
                Optional<ServerEvent> standing = standing(c, r.who);
                yield standing.isPresent() ? new Recorded(standing, false) : new Recorded(Optional.of(insert(c, r, null)), true);
            }
            case UNDO -> {
                Optional<ServerEvent> standing = standing(c, r.who);
                yield standing.isPresent() ? new Recorded(Optional.of(insert(c, r, standing.get().uid())), true) : new Recorded(Optional.empty(), false);
            }
            case OPEN, CLICK -> new Recorded(Optional.of(insert(c, r, null)), true);
        };
    }

    /** The recipient's unsubscribe that no later undo took back, if any. */
    private static Optional<ServerEvent> standing(Connection c, RecipientToken who) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id, uid, kind, source, at FROM server_events WHERE campaign_uid = ? AND email_key = ? "
                + "AND kind IN ('UNSUBSCRIBE', 'UNDO') ORDER BY id DESC LIMIT 1")) {
            p.setString(1, who.campaignUid());
            p.setString(2, RecipientTokens.emailKey(who.email()));
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next() || !ServerEventKind.UNSUBSCRIBE.name().equals(rs.getString(3))) return Optional.empty();
                return Optional.of(new ServerEvent(rs.getLong(1), rs.getString(2), ServerEventKind.UNSUBSCRIBE, rs.getString(4), who.campaignUid(),
                        who.email(), null, null, null, Instant.ofEpochMilli(rs.getLong(5))));
            }
        }
    }

    /** Inserts the event under a new random uid. */
    private static ServerEvent insert(Connection c, Request r, String refersTo) throws SQLException {
        String uid = UUID.randomUUID().toString();
        Instant at = Instant.now();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO server_events(uid, kind, source, campaign_uid, email, email_key, refers_to, link, url, at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            p.setString(1, uid);
            p.setString(2, r.kind.name());
            p.setString(3, r.source);
            p.setString(4, r.who.campaignUid());
            p.setString(5, r.who.email());
            p.setString(6, RecipientTokens.emailKey(r.who.email()));
            p.setString(7, refersTo);
            p.setObject(8, r.link);
            p.setString(9, r.url);
            p.setLong(10, at.toEpochMilli());
            p.executeUpdate();
            try (ResultSet rs = p.getGeneratedKeys()) {
                rs.next();
                return new ServerEvent(rs.getLong(1), uid, r.kind, r.source, r.who.campaignUid(), r.who.email(), refersTo, r.link, r.url, at);
            }
        }
    }

    /** Takes no new events, writes the queued ones, and waits for the writer to finish. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
