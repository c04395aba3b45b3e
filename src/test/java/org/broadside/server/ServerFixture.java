package org.broadside.server;

import org.broadside.bounces.BounceEvent;
import org.broadside.bounces.BounceRepository;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.delivery.CampaignRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.unsubscribe.RecipientToken;
import org.broadside.unsubscribe.RecipientTokens;
import org.broadside.unsubscribe.ServerSecret;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real SQLite store with the sent campaign "Acme News" (uid {@value #CAMPAIGN}) to jo@example.com and
 * ann@example.org, both in a contact list, and a Broadside server on it on a free loopback port. Public for the
 * app's tests of Tools > Unsubscribe servers.
 */
public final class ServerFixture implements AutoCloseable {
    public static final String CAMPAIGN = "acme-news-1";
    public static final String JO = "jo@example.com";
    public static final String ANN = "ann@example.org";

    public final Database db;
    public final ServerSecret secret = ServerSecret.generate();
    final RecipientTokens tokens = new RecipientTokens(secret);
    public final BroadsideServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    final long campaignId;

    ServerFixture() throws Exception {
        this(ServerOptions.loopback(), true);
    }

    public ServerFixture(ServerOptions options, boolean sharedStore) throws Exception {
        db = Database.open(TempDirs.create("serve"));
        if (sharedStore) {
            campaignId = addCampaign(db, CAMPAIGN, "Acme News", List.of(JO, ANN));
        } else {
            campaignId = 0;
        }
        server = BroadsideServer.start(db, secret, options);
    }

    /** A sent campaign with these recipients, all of them in the contact list "Newsletter". */
    public static long addCampaign(Database db, String uid, String name, List<String> recipients) {
        long id = new CampaignRepository(db).findOrCreate(uid, name, null).id();
        db.inTransaction(c -> {
            long seq;
            try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM recipients WHERE campaign_id = ?")) {
                p.setLong(1, id);
                try (var rs = p.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                }
            }
            for (String r : recipients) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO recipients(campaign_id, seq, email, state, message_id, updated_at) VALUES (?,?,?,'SENT',?,?)")) {
                    p.setLong(1, id);
                    p.setLong(2, seq);
                    p.setString(3, r);
                    p.setString(4, "<" + seq++ + "." + uid + "@acme.example>");
                    p.setLong(5, System.currentTimeMillis());
                    p.executeUpdate();
                }
            }
            return null;
        });
        ContactRepository contacts = new ContactRepository(db);
        long list = contacts.findList("Newsletter").map(l -> l.id()).orElseGet(() -> contacts.createList("Newsletter", List.of("Name")).id());
        contacts.upsert(list, recipients.stream().map(e -> new Contact(0, e, Map.of("Name", e.substring(0, e.indexOf('@'))))).toList());
        return id;
    }

    public String token(String email) {
        return tokens.seal(new RecipientToken(CAMPAIGN, email, null));
    }

    String token(String email, String language) {
        return tokens.seal(new RecipientToken(CAMPAIGN, email, language));
    }

    URI url(String path) {
        return server.localUrl().resolve(path);
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).GET();
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The POST exactly as Gmail sends it (RFC 8058 section 3.2). */
    public HttpResponse<String> oneClick(String token) throws Exception {
        return post("/u/" + token, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
    }

    void oneClickOverTls(javax.net.ssl.SSLContext trust, String base, String token) throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(trust).build();
        https.send(HttpRequest.newBuilder(URI.create(base + "/u/" + token)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
    }

    public boolean blacklisted(String email) {
        return new BlacklistRepository(db).entries().stream().anyMatch(e -> e.entry().equalsIgnoreCase(email));
    }

    List<BounceEvent> bounceEvents() {
        return new BounceRepository(db).latest(100);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
