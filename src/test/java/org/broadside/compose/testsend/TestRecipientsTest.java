package org.broadside.compose.testsend;

import org.broadside.contacts.Contact;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TestRecipientsTest {
    @Test
    void searchIgnoresCaseAndAccentsInAddressesAndFields() throws Exception {
        TestSendFixture f = new TestSendFixture(25);
        TestRecipients r = TestRecipients.of(f.doc.campaign(), f.contacts);

        assertThat(r.search("ZOE", 10)).extracting(Contact::email).containsExactly("zoe@example.com");
        assertThat(r.search("zurich", 10)).extracting(Contact::email).containsExactly("zoe@example.com");
        assertThat(r.search("", 2)).extracting(Contact::email).containsExactly("jo@example.com", "zoe@example.com");
    }

    @Test
    void aRandomFewAreDistinctRecipientsOfTheList() throws Exception {
        TestSendFixture f = new TestSendFixture(25);
        TestRecipients r = TestRecipients.of(f.doc.campaign(), f.contacts);

        assertThat(r.random(2, new Random(7))).hasSize(2).doesNotHaveDuplicates();
        assertThat(r.random(10, new Random(7))).extracting(Contact::email)
                .containsExactly("jo@example.com", "zoe@example.com", "ann@example.com");
    }

    @Test
    void theCampaignsFilterNarrowsTheRecipients() throws Exception {
        TestSendFixture f = new TestSendFixture(25);
        var filtered = f.doc.campaign().withRecipients(f.doc.campaign().account(), "Customers", "[[City]] = \"Paris\"");
        TestRecipients r = TestRecipients.of(filtered, f.contacts);

        assertThat(r.first()).map(Contact::email).contains("ann@example.com");
        assertThat(r.byAddress("jo@example.com")).isEmpty();
        assertThat(r.byAddress("ANN@example.com")).isPresent();
    }

    @Test
    void addressesAreSplitCheckedAndRemembered() throws Exception {
        TestAddresses a = TestAddresses.parse("me@test.example, boss@test.example\nme@test.example;  not-an-address");
        assertThat(a.addresses()).containsExactly("me@test.example", "boss@test.example");
        assertThat(a.problem()).contains("\"not-an-address\"");
        assertThat(TestAddresses.parse(" ").problem()).isEqualTo("Type at least one address to send the test to.");

        var dir = TempDirs.create("testsend-prefs");
        new TestSendPreferences(dir).save(new TestSendPreferences.Choices("me@test.example", false));
        assertThat(new TestSendPreferences(dir).load()).isEqualTo(new TestSendPreferences.Choices("me@test.example", false));
        assertThat(new TestSendPreferences(Files.createTempDirectory(dir, "empty")).load().subjectPrefix()).isTrue();
    }
}
