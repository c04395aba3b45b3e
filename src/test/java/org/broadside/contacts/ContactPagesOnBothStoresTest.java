package org.broadside.contacts;

import org.broadside.merge.Condition;
import org.broadside.store.Database;
import org.broadside.testing.StoreBackend;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The list manager's pages (search ignoring case and accents, filter, sort, paging) alike on both stores (ADR 0023). */
class ContactPagesOnBothStoresTest {

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void searchFilterSortAndPagingAnswerAlike(StoreBackend backend) throws Exception {
        try (Database db = backend.open(TempDirs.create("pages-" + backend))) {
            ContactRepository repo = new ContactRepository(db);
            ContactList list = repo.createList("People", List.of("Name", "City"));
            repo.upsert(list.id(), List.of(
                    Contact.of("zoe@example.com", Map.of("Name", "Zoë", "City", "Zürich")),
                    Contact.of("al@example.com", Map.of("Name", "al", "City", "Paris")),
                    Contact.of("Bo@Example.com", Map.of("Name", "Bo", "City", "ZURICH")),
                    Contact.of("cy@example.com", Map.of("City", "Oslo"))));
            ContactPageRepository pages = new ContactPageRepository(db);

            var zurich = new ContactPageRepository.View(list.id(), "zurich", null, true);
            assertThat(pages.count(zurich)).isEqualTo(2);
            assertThat(emails(pages.page(zurich, 0, 10))).containsExactly("zoe@example.com", "Bo@Example.com");
            assertThat(emails(pages.page(new ContactPageRepository.View(list.id(), "ZOE", null, true), 0, 10)))
                    .containsExactly("zoe@example.com");

            // NOCASE order, and a contact without the field first ascending, last descending, as SQLite sorts NULLs.
            assertThat(emails(pages.page(new ContactPageRepository.View(list.id(), "", "Name", true), 0, 10)))
                    .containsExactly("cy@example.com", "al@example.com", "Bo@Example.com", "zoe@example.com");
            assertThat(emails(pages.page(new ContactPageRepository.View(list.id(), "", "Name", false), 1, 2)))
                    .containsExactly("Bo@Example.com", "al@example.com");
            assertThat(emails(pages.page(new ContactPageRepository.View(list.id(), "", "Email", true), 0, 10)))
                    .containsExactly("al@example.com", "Bo@Example.com", "cy@example.com", "zoe@example.com");

            var filtered = new ContactPageRepository.View(list.id(), "example", Condition.parse("[[City]] = \"zurich\""), null, true);
            assertThat(pages.count(filtered)).isEqualTo(1);
            assertThat(emails(pages.page(filtered, 0, 10))).containsExactly("Bo@Example.com");
        }
    }

    private static List<String> emails(List<Contact> page) {
        return page.stream().map(Contact::email).toList();
    }
}
