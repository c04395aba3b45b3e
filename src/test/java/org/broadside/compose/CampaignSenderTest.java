package org.broadside.compose;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.AccountSecurity;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.campaign.CampaignFiles;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
