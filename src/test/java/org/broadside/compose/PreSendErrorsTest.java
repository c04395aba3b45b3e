package org.broadside.compose;

import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.Unsubscribe;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.merge.Severity;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Send refuses on the errors of the pre-send check without the pass over every recipient, which can only warn. These
 * campaigns trigger the recipient warnings (a missing value, a line break bound for a header) next to errors: the
 * errors must be exactly those of the full check, so a recipient finding that became an error would fail here.
 */
class PreSendErrorsTest {
    @Test
    void theErrorsBeforeSendAreTheFullChecksErrorsWithoutReadingRecipients() throws Exception {
        Path data = TempDirs.create("presend-errors");
        Database db = Database.open(data);
        ContactRepository contacts = new ContactRepository(db);
        ContactList list = contacts.createList("L", List.of("Name", "City"));
        contacts.upsert(list.id(), List.of(
                Contact.of("ann@example.com", Map.of("Name", "Ann", "City", "")),
                Contact.of("bob@example.com", Map.of("Name", "Bob\r\nBcc: x@example.net", "City", "Oslo"))));
        Campaign good = Campaign.blank("g", "Good").withRecipients(List.of("Sandbox"), "L", null)
                .withMessage("Me <me@example.com>", null, "Hi [Name]", "Hello [City] [Unsubscribe] 1 Main St, Springfield 12345", "")
                .withUnsubscribe(new Unsubscribe("unsubscribe@example.com", null, false));
        List<Campaign> campaigns = List.of(
                good,
                good.withMessage("Me <me@example.com>", null, "Hi [Name] [Nickname]", "Hello [City] <IF [[Name]] = >", ""),
                good.withRecipients(List.of("Office"), "L", "[[City]] = ").withMessage("", null, "", "", ""));

        for (Campaign c : campaigns) {
            CampaignDocument doc = new CampaignDocument(c, data.resolve("c.json"));
            List<CheckLine> full = CampaignChecks.check(doc, contacts, Set.of("Sandbox"));
            List<CheckLine> errors = CampaignChecks.errors(doc, contacts, Set.of("Sandbox"));
            assertThat(errors).as("errors of %s", c.subject())
                    .containsExactlyElementsOf(full.stream().filter(l -> l.severity() == Severity.ERROR).toList());
        }
        CampaignDocument goodDoc = new CampaignDocument(good, data.resolve("c.json"));
        assertThat(CampaignChecks.check(goodDoc, contacts, Set.of("Sandbox")))
                .as("the full check still warns from the recipients")
                .extracting(CheckLine::message)
                .anySatisfy(m -> assertThat(m).contains("1 recipient(s) have no value for [city]"))
                .anySatisfy(m -> assertThat(m).contains("1 recipient(s) will be skipped"));
        assertThat(CampaignChecks.errors(goodDoc, contacts, Set.of("Sandbox"))).isEmpty();
        List<CheckLine> broken = CampaignChecks.errors(new CampaignDocument(campaigns.get(1), data.resolve("c.json")), contacts, Set.of("Sandbox"));
        assertThat(broken).extracting(CheckLine::message)
                .anySatisfy(m -> assertThat(m).contains("unknown field [nickname]"))
                .hasSizeGreaterThanOrEqualTo(2);
    }
}
