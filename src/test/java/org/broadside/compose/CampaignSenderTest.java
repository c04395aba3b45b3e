package org.broadside.compose;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.AccountSecurity;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.campaign.CampaignFiles;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.delivery.CampaignRecord;
import org.broadside.merge.Condition;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignSenderTest {
    @Test
    void campaignThatOnlyUsesALocalServerNeedsNoDomainCheck() throws Exception {
        Path data = TempDirs.create("sender");
        Database db = Database.open(data);
        new AccountRepository(db).save(Account.builder("Sandbox").host("127.0.0.1").port(2525).security(AccountSecurity.NONE).build());
        Path file = data.resolve("c.json");
        // A From domain that cannot exist: any DNS lookup would report it, so an empty answer proves none was made.
        Files.writeString(file, "{\"from\": \"news@no-such-domain.invalid\", \"account\": \"Sandbox\", \"list\": \"L\"}");
        CampaignSender sender = CampaignSender.create(db, new InMemoryCredentialStore());
        assertThat(sender.domainFailures(CampaignFiles.read(file))).isEmpty();
    }

    @Test
    void theCampaignFilterFreezesTheContactsThatListShowSelects() throws Exception {
        Path data = TempDirs.create("sender");
        Database db = Database.open(data);
        ContactRepository contacts = new ContactRepository(db);
        ContactList list = contacts.createList("L", List.of("First  Name", "Score"));
        contacts.upsert(list.id(), List.of(
                Contact.of("ann@example.com", Map.of("First  Name", "Ann", "Score", "1")),
                Contact.of("bob@example.org", Map.of("First  Name", "Bob", "Score", "1")),
                Contact.of("cy@example.com", Map.of("First  Name", "Cy", "Score", "20\t")),
                Contact.of("di@example.com", Map.of("First  Name", "Di", "Score", "9"))));
        String filter = "[[First Name]] = \"ann\" <OR> [[E-mail]] ?# \".org\" <OR> [[Score]] > 9";
        Path file = data.resolve("c.json");
        Files.writeString(file, "{\"from\": \"news@example.com\", \"list\": \"L\", \"filter\": \"" + filter.replace("\"", "\\\"") + "\"}");
        CampaignSender sender = CampaignSender.create(db, new InMemoryCredentialStore());

        CampaignRecord record = sender.prepare(CampaignFiles.read(file));

        List<String> frozen = new ArrayList<>();
        sender.campaigns().forEachRecipient(record.id(), r -> frozen.add(r.email()));
        List<String> shown = contacts.search(list.id(), Condition.parse(filter), 0, 100).stream().map(Contact::email).toList();
        assertThat(frozen).containsExactly("ann@example.com", "bob@example.org", "cy@example.com").isEqualTo(shown);
    }
}
