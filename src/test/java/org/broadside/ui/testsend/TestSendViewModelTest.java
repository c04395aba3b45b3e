package org.broadside.ui.testsend;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.broadside.compose.testsend.TestSend;
import org.broadside.compose.testsend.TestSendFixture;
import org.broadside.compose.testsend.TestSendPreferences;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The Send test window's model, sending through GreenMail from a real store; the campaign's recipients stay untouched. */
class TestSendViewModelTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private TestSendViewModel model(TestSendFixture f) {
        return new TestSendViewModel(() -> f.doc, f.contacts, () -> new TestSend(f.db, new InMemoryCredentialStore()),
                new TestSendPreferences(f.data), new SameThreadRunner(), Runnable::run, new Random(7));
    }

    @Test
    void sendsTheChosenRecipientsMessageToEachAddressAndRemembersThem() throws Exception {
        TestSendFixture f = new TestSendFixture(greenMail.getSmtp().getPort());
        TestSendViewModel vm = model(f);
        vm.load();
        assertThat(vm.listNameProperty().get()).isEqualTo("Customers");
        assertThat(vm.chosen()).extracting(c -> c.email()).containsExactly("jo@example.com");
        vm.searchProperty().set("zurich");
        assertThat(vm.candidates()).extracting(c -> c.email()).containsExactly("zoe@example.com");
        vm.unchoose(vm.chosen().get(0));
        vm.choose(vm.candidates().get(0));
        vm.addressesProperty().set("me@test.example, boss@test.example");
        assertThat(vm.plan()).isEqualTo("2 test messages to me@test.example, boss@test.example");

        vm.send();

        assertThat(vm.receipts()).hasSize(2).allSatisfy(r -> assertThat(r.outcome().failed()).isFalse());
        assertThat(vm.statusProperty().get()).isEqualTo("All 2 accepted. The campaign's recipients are unchanged.");
        MimeMessage[] got = greenMail.getReceivedMessages();
        assertThat(got).hasSize(2);
        assertThat(got[0].getSubject()).isEqualTo("[TEST] Hello Zoë");
        assertThat(f.recipientRows()).as("a test creates no recipient of the campaign").isEmpty();

        TestSendViewModel again = model(f);
        assertThat(again.addressesProperty().get()).isEqualTo("me@test.example, boss@test.example");
    }

    @Test
    void aBadAddressIsNamedAndNothingIsSent() throws Exception {
        TestSendFixture f = new TestSendFixture(greenMail.getSmtp().getPort());
        TestSendViewModel vm = model(f);
        vm.load();
        vm.addressesProperty().set("me@test.example, not-an-address");
        vm.send();
        assertThat(vm.statusProperty().get()).contains("not-an-address");
        assertThat(vm.receipts()).isEmpty();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRandomFewAreChosenFromTheList() throws Exception {
        TestSendFixture f = new TestSendFixture(greenMail.getSmtp().getPort());
        TestSendViewModel vm = model(f);
        vm.load();
        vm.randomCountProperty().set(2);
        vm.chooseRandom();
        assertThat(vm.chosen()).hasSize(2).doesNotHaveDuplicates();
    }
}
