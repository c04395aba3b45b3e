package org.broadside.ui.recipients;

import org.broadside.campaign.Campaign;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.ui.common.SameThreadRunner;
import org.broadside.ui.shell.CampaignDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientsViewModelTest {
    @TempDir Path dir;
    private RecipientsViewModel vm;
    private CampaignDraft draft;

    @BeforeEach
    void setUp() {
        Database db = Database.open(dir);
        ContactRepository contacts = new ContactRepository(db);
        var list = contacts.createList("People", List.of("Country"));
        contacts.upsert(list.id(), List.of(
                Contact.of("a@example.com", Map.of("Country", "FR")),
                Contact.of("b@example.com", Map.of("Country", "FR")),
                Contact.of("c@spam.example", Map.of("Country", "FR")),
                Contact.of("d@example.com", Map.of("Country", "DE"))));
        new BlacklistRepository(db).add("@spam.example", "test", "test");
        draft = new CampaignDraft(Campaign.blank("r-1", "x"), null);
        vm = new RecipientsViewModel(draft, contacts, new BlacklistRepository(db), new SameThreadRunner());
        vm.refresh();
    }

    @Test
    void choosingAListCountsWhoReceivesAndWhoIsSkippedAndWhy() {
        vm.listProperty().set("People");
        assertThat(draft.campaign().list()).isEqualTo("People");
        assertThat(vm.summaryProperty().get()).isEqualTo("3 of 4 contacts will receive it.");
        assertThat(vm.skippedProperty().get()).isEqualTo("Skipped: 1 blacklisted");
    }

    @Test
    void theFilterNarrowsTheAudience() {
        vm.listProperty().set("People");
        vm.filterProperty().set("[[Country]] = \"DE\"");
        assertThat(draft.campaign().filter()).isEqualTo("[[Country]] = \"DE\"");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 of 4 contacts will receive it (3 left out by the filter).");
    }

    @Test
    void aFieldTheListDoesNotHaveIsNamedWithTheFieldsItHas() {
        vm.listProperty().set("People");
        vm.filterProperty().set("[[Countyr]] = \"FR\" <OR> [[Email]] #? \"a@\"");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 of 4 contacts will receive it (3 left out by the filter).");
        assertThat(vm.filterProblemProperty().get()).isEqualTo("The filter reads [countyr], which the list \"People\" does not "
                + "have: it is empty for every contact. Check the spelling; its fields are Email, Country.");
        vm.filterProperty().set("[[country]] = \"FR\"");
        assertThat(vm.filterProblemProperty().get()).as("field names are matched as the merge language matches them").isEmpty();
        vm.filterProperty().set("[[Countyr]] = ");
        assertThat(vm.filterProblemProperty().get()).as("a filter that cannot be read has its own message").isEmpty();
    }

    @Test
    void aBrokenFilterIsExplained() {
        vm.listProperty().set("People");
        vm.filterProperty().set("[[Country]] = ");
        assertThat(vm.summaryProperty().get()).startsWith("The filter is not valid");
        vm.filterProperty().set("[[Country]] = UK");
        // Once, and a sentence: it read "The filter is not valid: the filter has an error: expected ... '='".
        assertThat(vm.summaryProperty().get()).isEqualTo(
                "The filter is not valid: expected a quoted value, a number or [[Field]] after operator '='.");
    }

    @Test
    void theListsOfTheStoreAreOffered() {
        assertThat(vm.listNames()).containsExactly("People");
    }
}
