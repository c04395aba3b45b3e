package org.broadside.bounces;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.broadside.contacts.EmailKeys;
import org.broadside.delivery.CampaignRepository;
import org.broadside.store.Database;
import org.broadside.testing.StoreBackend;
import org.broadside.testing.TempDirs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real store (SQLite unless a test asks for the team store) with two sent campaigns and a contact list, and the message corpus under
 * src/test/resources/bounces. Campaign "Autumn news" has recipient N with Message-ID {@code <aN.autumn@news.example.org>}.
 */
final class BounceFixture {
    static final List<String> AUTUMN = List.of("alice@example.com", "bob@example.net", "carol@example.org", "dave@mail.example.com",
            "erin@example.co.uk", "frank@gmail.com", "grace@yahoo.com", "heidi@outlook.com", "ivan@example.de", "judy@example.fr",
            "mallory@example.com", "niaj@aol.com", "olivia@example.com", "peggy@example.com", "rupert@example.com", "sybil@example.com",
            "trent@example.com", "victor@example.es", "walter@example.it", "xavier@example.nl", "yvonne@example.com", "zoe@example.com",
            "quinn@example.com", "ursula@example.com", "kate@example.net", "liam@example.org", "mia@example.com", "noah@example.fr",
            "oscar@example.com", "uma@example.com");
    /** The List-Unsubscribe mailto address of the campaigns. */
    static final String UNSUBSCRIBE_MAILTO = "list-optout@news.example.org";

    final Database db;
    final long autumn;
    final long winter;
    final long listId;

    BounceFixture() {
        this(StoreBackend.SQLITE);
    }

    BounceFixture(StoreBackend backend) {
        db = backend.open(TempDirs.create("bounces"));
        CampaignRepository campaigns = new CampaignRepository(db);
        autumn = campaigns.findOrCreate("autumn", "Autumn news", null).id();
        winter = campaigns.findOrCreate("winter", "Winter sale", null).id();
        db.inTransaction(c -> {
            for (int i = 0; i < AUTUMN.size(); i++) insertRecipient(c, autumn, i + 1, AUTUMN.get(i), "<a" + (i + 1) + ".autumn@news.example.org>");
            // Alice is in the newer campaign too: a Message-ID must still map her bounce to the campaign it came from.
            insertRecipient(c, winter, 1, "alice@example.com", "<w1.winter@news.example.org>");
            return null;
        });
        // Plain SQL rather than ContactRepository: the fixture seeds both kinds of store the same way.
        listId = db.inTransaction(c -> {
            long now = System.currentTimeMillis();
            long list;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO lists(name, created_at) VALUES ('Newsletter', ?) RETURNING id")) {
                p.setLong(1, now);
                try (var rs = p.executeQuery()) {
                    rs.next();
                    list = rs.getLong(1);
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO list_fields(list_id, position, name) VALUES (?, 0, 'Name')")) {
                p.setLong(1, list);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO contacts(list_id, email, email_key, fields, created_at, updated_at) VALUES (?,?,?,?,?,?)")) {
                for (String e : AUTUMN) {
                    p.setLong(1, list);
                    p.setString(2, e);
                    p.setString(3, EmailKeys.key(e));
                    p.setString(4, "{\"Name\":\"" + e.substring(0, e.indexOf('@')) + "\"}");
                    p.setLong(5, now);
                    p.setLong(6, now);
                    p.executeUpdate();
                }
            }
            return list;
        });
    }

    long addCampaign(String uid, String name) {
        return new CampaignRepository(db).findOrCreate(uid, name, null).id();
    }

    void addRecipient(long campaignId, long seq, String email, String messageId) {
        db.inTransaction(c -> {
            insertRecipient(c, campaignId, seq, email, messageId);
            return null;
        });
    }

    private static void insertRecipient(java.sql.Connection c, long campaignId, long seq, String email, String messageId) throws java.sql.SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO recipients(campaign_id, seq, email, state, message_id, updated_at) VALUES (?,?,?,'SENT',?,?)")) {
            p.setLong(1, campaignId);
            p.setLong(2, seq);
            p.setString(3, email);
            p.setString(4, messageId);
            p.setLong(5, System.currentTimeMillis());
            p.executeUpdate();
        }
    }

    String flagsOf(String email) {
        return db.read(conn -> {
            try (PreparedStatement p = conn.prepareStatement("SELECT flags FROM contacts WHERE list_id = ? AND email_key = ?")) {
                p.setLong(1, listId);
                p.setString(2, EmailKeys.key(email));
                try (var rs = p.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    static BounceClassifier classifier() {
        return new BounceClassifier(java.util.Set.of(UNSUBSCRIBE_MAILTO));
    }

    static List<String> corpusFiles() {
        try (Stream<Path> files = Files.list(corpusDirectory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MimeMessage message(String file) {
        try (InputStream in = Files.newInputStream(corpusDirectory().resolve(file))) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    private static Path corpusDirectory() {
        try {
            return Path.of(BounceFixture.class.getResource("/bounces").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
