package org.broadside.ui.delivery;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.AccountSecurity;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.Unsubscribe;
import org.broadside.compose.CampaignSender;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.RunHandle;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reported silent no-op: a campaign that had already run, switched to another list (whose fields the message does
 * not find), and Send pressed. The real sender and engine, sending to a scripted SMTP server on loopback.
 */
class SendAfterAListChangeTest {
    private ScriptedSmtpServer server;

    @AfterEach
    void close() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void sendAfterTheListChangedSaysNothingIsDueAndWhy() throws Exception {
        server = ScriptedSmtpServer.start();
        Path data = TempDirs.create("list-change");
        Database db = Database.open(data);
        new AccountRepository(db).save(Account.builder("Local").host("127.0.0.1").port(server.port()).security(AccountSecurity.NONE).build());
        ContactRepository contacts = new ContactRepository(db);
        var members = contacts.createList("Members", List.of("First Name"));
        contacts.upsert(members.id(), List.of(Contact.of("a@example.com", Map.of("First Name", "A")),
                Contact.of("b@example.com", Map.of("First Name", "B"))));
        var press = contacts.createList("Press", List.of("Outlet"));
        contacts.upsert(press.id(), List.of(Contact.of("p@example.com", Map.of("Outlet", "Daily"))));
        Campaign campaign = Campaign.blank("list-change", "News").withRecipients(List.of("Local"), "Members", null)
                .withMessage("News <news@example.com>", null, "Hello [First Name]", "Hello [First Name]. [Unsubscribe]", null)
                .withUnsubscribe(new Unsubscribe("leave@example.com", null, false));
        AtomicReference<CampaignDocument> doc = new AtomicReference<>(new CampaignDocument(campaign, data.resolve("c.json")));
        CampaignSender sender = CampaignSender.create(db, new InMemoryCredentialStore());
        AtomicReference<RunHandle> last = new AtomicReference<>();
        CampaignRunner runner = (d, wait, unknown, l) -> {
            RunHandle h = sender.start(d, wait, unknown, CampaignSender.PreSendChecks.ALL, l, null);
            last.set(h);
            return h;
        };
        DeliveryViewModel vm = new DeliveryViewModel(doc::get, runner, new CampaignRepository(db), new SameThreadRunner());

        vm.send();
        last.get().await(10, TimeUnit.SECONDS);
        vm.tick();
        assertThat(server.messages()).hasSize(2);
        assertThat(vm.statusProperty().get()).isEqualTo("Finished");

        doc.set(new CampaignDocument(campaign.withRecipients(List.of("Local"), "Press", null), data.resolve("c.json")));
        last.set(null);
        vm.send();
        if (last.get() != null) last.get().await(10, TimeUnit.SECONDS);
        vm.tick();
        // Before: the sender started an empty run over the frozen recipients, which ended at once, and the panel
        // showed "Finished" again, as before the press. Now Send answers, and no run is recorded.
        assertThat(vm.statusProperty().get()).isEqualTo("Not sent: nothing is due.");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.bannerProperty().get().text()).startsWith("Nothing is due: all 2 recipients of this campaign are SENT (2).")
                .contains("(it now names \"Press\")");
        var record = new CampaignRepository(db).find("list-change").orElseThrow();
        assertThat(new CampaignRepository(db).runs(record.id())).hasSize(1);
        assertThat(server.messages()).hasSize(2);
    }

    /**
     * A filter with a misspelt field selects nobody. Before, Send "finished" having sent nothing and fixed the campaign's
     * recipients at none, so once the filter was put right every Send said "nothing is due". Now Send answers why and
     * stores nothing, and the corrected filter sends.
     */
    @Test
    void aFilterThatSelectsNobodyIsAnsweredAndTheCorrectedOneSends() throws Exception {
        server = ScriptedSmtpServer.start();
        Path data = TempDirs.create("nobody");
        Database db = Database.open(data);
        new AccountRepository(db).save(Account.builder("Local").host("127.0.0.1").port(server.port()).security(AccountSecurity.NONE).build());
        ContactRepository contacts = new ContactRepository(db);
        var members = contacts.createList("Members", List.of("Country"));
        contacts.upsert(members.id(), List.of(Contact.of("a@example.com", Map.of("Country", "FR")),
                Contact.of("b@example.com", Map.of("Country", "DE"))));
        Campaign campaign = Campaign.blank("nobody", "News").withRecipients(List.of("Local"), "Members", "[[Countyr]] = \"FR\"")
                .withMessage("News <news@example.com>", null, "Hello", "Hello. [Unsubscribe]", null)
                .withUnsubscribe(new Unsubscribe("leave@example.com", null, false));
        AtomicReference<CampaignDocument> doc = new AtomicReference<>(new CampaignDocument(campaign, data.resolve("c.json")));
        CampaignSender sender = CampaignSender.create(db, new InMemoryCredentialStore());
        AtomicReference<RunHandle> last = new AtomicReference<>();
        CampaignRunner runner = (d, wait, unknown, l) -> {
            RunHandle h = sender.start(d, wait, unknown, CampaignSender.PreSendChecks.WITHOUT_DNS, l, null);
            last.set(h);
            return h;
        };
        DeliveryViewModel vm = new DeliveryViewModel(doc::get, runner, new CampaignRepository(db), new SameThreadRunner());

        vm.send();
        assertThat(last.get()).as("no run started").isNull();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Not sent: The filter leaves out all 2 contacts of the list \"Members\". "
                + "It reads [countyr], which the list does not have (empty for every contact). Change the filter and send again.");
        assertThat(vm.bannerProperty().get().text()).contains("The filter leaves out all 2 contacts");
        assertThat(new CampaignRepository(db).find("nobody").map(r -> r.frozen())).as("nothing frozen").isNotEqualTo(java.util.Optional.of(true));

        doc.set(new CampaignDocument(campaign.withRecipients(List.of("Local"), "Members", "[[Country]] = \"FR\""), data.resolve("c.json")));
        vm.send();
        last.get().await(10, TimeUnit.SECONDS);
        vm.tick();
        assertThat(vm.statusProperty().get()).isEqualTo("Finished");
        assertThat(server.messages()).hasSize(1);
    }
}
