package org.broadside.delivery;

import org.broadside.campaign.DeliveryOptions;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.delivery.smtp.SmtpEndpoint;
import org.broadside.delivery.smtp.SmtpTimeouts;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.testing.smtp.ScriptedSmtpServer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real store (SQLite unless a backend is named) with one list and one frozen campaign, and helpers to run it with fake accounts. */
final class EngineFixture {
    final Database db;
    final ContactRepository contacts;
    final BlacklistRepository blacklist;
    final CampaignRepository campaigns;
    final DeliveryEngine engine;
    ContactList list;
    CampaignRecord campaign;

    EngineFixture() {
        this(org.broadside.testing.StoreBackend.SQLITE);
    }

    EngineFixture(org.broadside.testing.StoreBackend backend) {
        db = backend.open(TempDirs.create("engine-" + backend));
        contacts = new ContactRepository(db);
        blacklist = new BlacklistRepository(db);
        campaigns = new CampaignRepository(db);
        engine = new DeliveryEngine(campaigns);
    }

    /** Freezes the campaign straight from these addresses (no list): the delivery store alone, without contacts. */
    EngineFixture frozenTo(String... emails) {
        campaign = campaigns.findOrCreate("campaign-1", "Test", null);
        campaigns.freeze(campaign.id(), sink -> {
            for (String e : emails) {
                sink.accept(new FrozenRecipient(e, "{\"First Name\":\"" + e.split("@")[0] + "\"}", e.contains("@") ? null : "invalid address: no @"));
            }
        });
        campaign = campaigns.find("campaign-1").orElseThrow();
        return this;
    }

    EngineFixture withContacts(String... emails) {
        list = contacts.createList("Customers", List.of("First Name"));
        List<Contact> cs = new ArrayList<>();
        for (String e : emails) cs.add(Contact.of(e, Map.of("First Name", e.split("@")[0])));
        contacts.upsert(list.id(), cs);
        return this;
    }

    EngineFixture frozen() {
        campaign = campaigns.findOrCreate("campaign-1", "Test", null);
        campaign = new CampaignFreezer(blacklist, campaigns).freeze(campaign, list, null,
                e -> e.contains("@") ? null : "no @", List.of());
        return this;
    }

    static MessageComposer composer() {
        return r -> new ComposedMessage(new OutgoingMessage(r.id(), "news@example.org", r.email(), "<" + r.seq() + "@example.org>",
                out -> out.write(("Subject: hi\r\n\r\nHello " + r.email() + "\r\n").getBytes(StandardCharsets.UTF_8)), false), null);
    }

    /** A lane through the real SMTP client to a scripted server on loopback, with timeouts capped for tests. */
    static AccountLane scriptedLane(ScriptedSmtpServer server, int connections) {
        SmtpTimeouts timeouts = SmtpTimeouts.rfc5321().cappedAt(Duration.ofSeconds(5));
        return lane("scripted", new SmtpMessenger(SmtpEndpoint.plain("127.0.0.1", server.port(), "example.org"), timeouts), connections);
    }

    static AccountLane lane(String name, Messenger m, int connections) {
        return new AccountLane(name, m, connections, 0, 0, 0, 0, 0, 1);
    }

    RunResult run(DeliveryOptions options, boolean resendUnknown, AccountLane... lanes) throws InterruptedException {
        return engine.run(new RunRequest(campaigns.find("campaign-1").orElseThrow(), composer(), List.of(lanes), options, false, resendUnknown, null, null));
    }

    RunResult run(AccountLane... lanes) throws InterruptedException {
        return run(DeliveryOptions.defaults(), false, lanes);
    }

    RecipientRow row(String email) {
        return campaigns.recipient(campaign.id(), email).orElseThrow();
    }

    RecipientState state(String email) {
        return row(email).state();
    }

    /**
     * What the next start would see after a SIGKILL now: the database and the journal copied as the process left them
     * on disk, opened (and replayed) like the next start would.
     */
    RecipientState stateAfterAKillNow(String email) {
        try {
            java.nio.file.Path copy = TempDirs.create("after-kill");
            for (String name : List.of(Database.FILE_NAME, Database.FILE_NAME + "-wal")) {
                java.nio.file.Path src = db.directory().resolve(name);
                if (java.nio.file.Files.exists(src)) java.nio.file.Files.copy(src, copy.resolve(name));
            }
            java.nio.file.Path journal = db.directory().resolve(org.broadside.store.StateJournal.DIRECTORY);
            java.nio.file.Files.createDirectories(copy.resolve(org.broadside.store.StateJournal.DIRECTORY));
            if (java.nio.file.Files.isDirectory(journal)) {
                try (var files = java.nio.file.Files.list(journal)) {
                    for (java.nio.file.Path p : files.toList()) {
                        java.nio.file.Files.copy(p, copy.resolve(org.broadside.store.StateJournal.DIRECTORY).resolve(p.getFileName()));
                    }
                }
            }
            return new CampaignRepository(Database.open(copy)).recipient(campaign.id(), email).orElseThrow().state();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
