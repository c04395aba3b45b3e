package org.broadside.deliverability.dkim;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.AccountSecurity;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.bounces.VerpAddresses;
import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.CampaignFiles;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.compose.CampaignSender;
import org.broadside.compose.CheckLine;
import org.broadside.compose.DomainSetupChecks;
import org.broadside.deliverability.dns.ZoneResolver;
import org.broadside.delivery.RunResult;
import org.broadside.merge.Severity;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A send with a DKIM key in the data directory and VERP switched on: signed messages, bounce-mappable envelopes. */
class SendSigningAndVerpTest {
    @Test
    void messagesAreDkimSignedAndCarryAVerpEnvelopeSender() throws Exception {
        Path data = TempDirs.create("dkim");
        Database db = Database.open(data);
        ContactRepository contacts = new ContactRepository(db);
        ContactList list = contacts.createList("L", List.of("Name"));
        contacts.upsert(list.id(), List.of(Contact.of("a@example.com", Map.of("Name", "A")), Contact.of("b@example.com", Map.of("Name", "B"))));
        var generated = new DkimKeyStore(data).generate("acme.example", "s2026", DkimKeyType.RSA);
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            new AccountRepository(db).save(Account.builder("Local").host("127.0.0.1").port(server.port()).security(AccountSecurity.NONE).build());
            Path file = data.resolve("c.json");
            Files.writeString(file, """
                    {"id": "verp-1", "account": "Local", "list": "L", "from": "News <news@acme.example>", "subject": "Hi [Name]",
                     "text": "Hello [Name]", "unsubscribe": {"url": "https://acme.example/u/[Token]"}, "delivery": {"verp": true}}
                    """);
            CampaignDocument doc = CampaignFiles.read(file);
            RunResult r = CampaignSender.create(db, new InMemoryCredentialStore()).start(doc, false, false, null, null).await();
            assertThat(r.complete()).isTrue();
            assertThat(server.messages()).hasSize(2);
            long campaignId = new org.broadside.delivery.CampaignRepository(db).find("verp-1").orElseThrow().id();
            for (var m : server.messages()) {
                var token = VerpAddresses.decode(m.mailFrom()).orElseThrow();
                assertThat(token.campaignId()).isEqualTo(campaignId);
                assertThat(m.mailFrom()).endsWith("@acme.example");
                String content = m.contentText();
                assertThat(content).contains("DKIM-Signature:").contains("d=acme.example").contains("s=s2026");
                assertThat(IndependentVerifier.verifyRsa(m.content(), Map.of("s2026._domainkey.acme.example", generated.recordText())))
                        .as("independent DKIM verification").isNotEmpty();
            }
        }
    }

    @Test
    void domainChecksReportMissingSpfAndDmarcWithTheFix() throws Exception {
        Path data = TempDirs.create("dns");
        Database db = Database.open(data);
        Path file = data.resolve("c.json");
        Files.writeString(file, "{\"from\": \"news@acme.example\", \"account\": \"Relay\"}");
        new AccountRepository(db).save(Account.builder("Relay").host("relay.acme.example").port(587).security(AccountSecurity.STARTTLS).build());
        ZoneResolver dns = new ZoneResolver().mx("acme.example", 10, "mx.acme.example").a("mx.acme.example", "192.0.2.10").a("relay.acme.example", "192.0.2.25");
        List<CheckLine> lines = DomainSetupChecks.check(CampaignFiles.read(file), db, dns.lookup());
        assertThat(lines).anySatisfy(l -> assertThat(l.message()).containsIgnoringCase("spf"));
        assertThat(lines).anySatisfy(l -> assertThat(l.message()).containsIgnoringCase("dmarc"));
        assertThat(lines).extracting(CheckLine::severity).contains(Severity.ERROR);
    }

    @Test
    void directDeliveryWarnsWhenTheEhloNamesReverseDnsDoesNotMatch() throws Exception {
        Path data = TempDirs.create("rdns");
        Database db = Database.open(data);
        new AccountRepository(db).save(Account.builder("Direct").kind(org.broadside.accounts.AccountKind.DIRECT).host("").port(25)
                .security(AccountSecurity.NONE).ehloName("mail.acme.example").build());
        Path file = data.resolve("c.json");
        Files.writeString(file, "{\"from\": \"news@acme.example\", \"account\": \"Direct\"}");
        ZoneResolver dns = new ZoneResolver().mx("acme.example", 10, "mx.acme.example").a("mx.acme.example", "192.0.2.10")
                .a("mail.acme.example", "192.0.2.7").ptr("192.0.2.7", "dsl-192-0-2-7.isp.example");
        List<CheckLine> lines = DomainSetupChecks.check(CampaignFiles.read(file), db, dns.lookup());
        assertThat(lines).anySatisfy(l -> assertThat(l.message()).containsIgnoringCase("reverse").contains("mail.acme.example"));

        ZoneResolver noAddress = new ZoneResolver().mx("acme.example", 10, "mx.acme.example").a("mx.acme.example", "192.0.2.10");
        assertThat(DomainSetupChecks.check(CampaignFiles.read(file), db, noAddress.lookup()))
                .singleElement().satisfies(l -> assertThat(l.message()).contains("has no address in DNS"));
    }
}
