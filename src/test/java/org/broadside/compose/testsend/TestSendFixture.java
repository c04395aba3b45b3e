package org.broadside.compose.testsend;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.AccountSecurity;
import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.CampaignFiles;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.delivery.RecipientRow;
import org.broadside.delivery.CampaignRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A store with a list (Jo, Zoë, Ann), an account "Local" at a given port, and the campaign "Hello [First Name]". */
public final class TestSendFixture {
    public final Path data = TempDirs.create("testsend");
    public final Database db = Database.open(data);
    public final ContactRepository contacts = new ContactRepository(db);
    public final CampaignDocument doc;

    public TestSendFixture(int port) throws Exception {
        ContactList list = contacts.createList("Customers", List.of("First Name", "City"));
        contacts.upsert(list.id(), List.of(
                Contact.of("jo@example.com", Map.of("First Name", "Jo", "City", "Lyon")),
                Contact.of("zoe@example.com", Map.of("First Name", "Zoë", "City", "Zürich")),
                Contact.of("ann@example.com", Map.of("First Name", "Ann", "City", "Paris"))));
        new AccountRepository(db).save(Account.builder("Local").host("127.0.0.1").port(port).security(AccountSecurity.NONE).build());
        Path file = data.resolve("spring.json");
        Files.writeString(file, """
                {
                  "id": "spring-2026",
                  "name": "Spring news",
                  "account": "Local",
                  "list": "Customers",
                  "from": "Acme News <news@acme.example>",
                  "subject": "Hello [First Name]",
                  "text": "Dear [First Name] of [City],\\nspring is here.",
                  "html": "<p>Dear [First Name] of [City],</p><p>spring is here. <a href=\\"[Unsubscribe]\\">Unsubscribe</a></p>",
                  "unsubscribe": {"url": "https://acme.example/u/[Token]"}
                }
                """);
        doc = CampaignFiles.read(file);
    }

    public Contact contact(String email) {
        return contacts.find(contacts.findList("Customers").orElseThrow().id(), email).orElseThrow();
    }

    /** Every frozen recipient row of the campaign (state, reply, attempts, times), or none when it has no record. */
    public List<RecipientRow> recipientRows() {
        CampaignRepository campaigns = new CampaignRepository(db);
        List<RecipientRow> rows = new ArrayList<>();
        campaigns.find(doc.uid()).ifPresent(r -> campaigns.forEachRecipient(r.id(), rows::add));
        return rows;
    }
}
