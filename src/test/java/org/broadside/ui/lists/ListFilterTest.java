package org.broadside.ui.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.broadside.compose.ContactFilters;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactExport;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The list manager's filter is a campaign's filter: the contacts it shows (and exports) are exactly those a campaign
 * with the same filter selects, bare numbers and the [[E-mail]] alias included.
 */
class ListFilterTest {
    private ContactRepository contacts;
    private ListManagerViewModel vm;
    private ContactList members;

    @BeforeEach
    void setUp() {
        contacts = new ContactRepository(Database.open(TempDirs.create("list-filter")));
        vm = new ListManagerViewModel(contacts, new SameThreadRunner());
        members = contacts.createList("Members", List.of("First  Name", "Country", "Score"));
        contacts.upsert(members.id(), List.of(
                Contact.of("ann@example.com", Map.of("First  Name", "Ann", "Country", "FR", "Score", "20\t")),
                Contact.of("bob@example.org", Map.of("First  Name", "Bob", "Country", "FR", "Score", "9")),
                Contact.of("cid@example.com", Map.of("First  Name", "Cid", "Country", "DE", "Score", "12")),
                Contact.of("dee@example.com", Map.of("First  Name", "Dee", "Country", "fr", "Score", ""))));
        vm.refreshLists();
        vm.selectedProperty().set(vm.lists().stream().filter(l -> l.id() == members.id()).findFirst().orElseThrow());
    }

    private List<String> shown() {
        return vm.rows().stream().map(r -> r.contact().email()).toList();
    }

    /** What a campaign with this filter would select, through the campaign's own path. */
    private List<String> campaignSelects(String filter) throws Exception {
        return contacts.search(members.id(), ContactFilters.compile(filter), 0, 100).stream().map(Contact::email).toList();
    }

    @Test
    void theFilterShowsWhatACampaignWithTheSameFilterSendsTo() throws Exception {
        for (String filter : List.of("[[Score]] > 9", "[[Score]] >= 10 <AND> [[Country]] = \"FR\"",
                "[[First Name]] = \"Cid\" <OR> [[E-mail]] * \"example.org\"", "[[Score]] = \"\"")) {
            vm.filterProperty().set(filter);
            assertThat(vm.filterProblemProperty().get()).as(filter).isEmpty();
            assertThat(shown()).as(filter).isEqualTo(campaignSelects(filter)).isNotEmpty();
        }
        vm.filterProperty().set("[[Score]] > 9");
        assertThat(shown()).as("\"20\\t\" is a number, above 9").containsExactly("ann@example.com", "cid@example.com");
        assertThat(vm.statusProperty().get()).isEqualTo("2 of 4 contacts match");
    }

    @Test
    void searchAndFilterTogether() {
        vm.filterProperty().set("[[Country]] = \"FR\"");
        vm.searchProperty().set("example.com");
        assertThat(shown()).containsExactly("ann@example.com", "dee@example.com");
        assertThat(vm.shownSelection()).isEqualTo("match \"example.com\" and pass the filter");
    }

    @Test
    void aFilteredListSortsByAFieldOrByTheAddress() {
        vm.filterProperty().set("[[Country]] = \"fr\"");
        vm.sortBy("First  Name", false);
        assertThat(shown()).containsExactly("dee@example.com", "bob@example.org", "ann@example.com");
        vm.sortBy("Email", true);
        assertThat(shown()).containsExactly("ann@example.com", "bob@example.org", "dee@example.com");
    }

    @Test
    void aFilterThatCannotBeReadNamesItsProblemAndKeepsTheLastGoodOne() {
        vm.filterProperty().set("[[Country]] = \"DE\"");
        vm.filterProperty().set("[[Country]] = \"DE\" AND [[Score]] > 1");
        assertThat(vm.filterProblemProperty().get()).startsWith("The filter has an error:").contains("<AND>")
                .endsWith("Still shown: [[Country]] = \"DE\".");
        assertThat(shown()).containsExactly("cid@example.com");
        vm.filterProperty().set("");
        assertThat(vm.filterProblemProperty().get()).isEmpty();
        assertThat(shown()).hasSize(4);
        assertThat(vm.statusProperty().get()).isEqualTo("4 contacts");
    }

    @Test
    void aFieldTheListLacksIsNamedButTheFilterStillRuns() {
        vm.filterProperty().set("[[Contry]] = \"FR\"");
        assertThat(vm.filterProblemProperty().get()).isEqualTo("This list has no field [contry]: it is empty for every contact.");
        assertThat(shown()).isEmpty();
    }

    @Test
    void exportingTheContactsShownWritesOnlyThoseTheFilterPasses() throws Exception {
        vm.filterProperty().set("[[Score]] >= 10");
        Path file = TempDirs.create("list-filter-export").resolve("members.csv");
        vm.export(List.of("Email", "Country"), true, ContactExport.Format.CSV, file);
        // The CSV starts with a byte-order mark, so Excel reads it as UTF-8.
        assertThat(Files.readAllLines(file)).containsExactly("\uFEFFEmail,Country", "ann@example.com,FR", "cid@example.com,DE");
    }

    @Test
    void deletingFromTheListManagerTellsTheRestOfTheApp() {
        // A Recipients tab counting this list follows ListsChanged; a delete that did not publish left its count stale.
        var heard = new java.util.ArrayList<org.broadside.events.AppEvent>();
        contacts.database().events().subscribe(heard::add);
        vm.filterProperty().set("[[Country]] = \"DE\"");
        vm.delete(vm.rows().stream().map(r -> r.contact()).toList());
        assertThat(heard).anyMatch(e -> e instanceof org.broadside.events.AppEvent.ListsChanged);
        assertThat(contacts.count(members.id())).isEqualTo(3);
    }
}
