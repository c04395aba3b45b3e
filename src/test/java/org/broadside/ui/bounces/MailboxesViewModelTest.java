package org.broadside.ui.bounces;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.broadside.bounces.AfterScan;
import org.broadside.bounces.MailProtocol;
import org.broadside.bounces.MailboxConnector;
import org.broadside.bounces.MailboxCredentials;
import org.broadside.bounces.MailboxRepository;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;

/** The mailbox manager: passwords go to the credential store only; Test connection shows the steps; Remove keeps the events. */
class MailboxesViewModelTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    BounceDesk desk;
    MailboxRepository mailboxes;
    MailboxesViewModel vm;

    @BeforeEach
    void setUp() {
        desk = new BounceDesk();
        GREENMAIL.setUser("bounces@news.example.org", BounceDesk.LOGIN, BounceDesk.PASSWORD);
        mailboxes = new MailboxRepository(desk.db);
        vm = new MailboxesViewModel(mailboxes, () -> desk.credentials, MailboxConnector.systemTrust(), new SameThreadRunner());
    }

    void fillIn(String password) {
        vm.newMailbox();
        MailboxForm f = vm.form();
        f.nameProperty().set("Bounces");
        f.tlsProperty().set(false);
        f.hostProperty().set("127.0.0.1");
        f.portProperty().set(Integer.toString(GREENMAIL.getImap().getPort()));
        f.userProperty().set(BounceDesk.LOGIN);
        f.passwordProperty().set(password);
    }

    @Test
    void saveKeepsThePasswordInTheCredentialStoreAndNowhereInTheDatabase() {
        fillIn(BounceDesk.PASSWORD);
        vm.save();
        assertThat(vm.resultProperty().get()).isEqualTo("Saved Bounces.");
        assertThat(mailboxes.find("Bounces")).isPresent();
        assertThat(new String(desk.credentials.get(MailboxCredentials.key("Bounces")).orElseThrow())).isEqualTo(BounceDesk.PASSWORD);
        assertThat(vm.form().passwordProperty().get()).isEmpty();
        String everyMailboxColumn = desk.db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT * FROM mailboxes"); var rs = p.executeQuery()) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) sb.append(rs.getString(i)).append('|');
                return sb.toString();
            }
        });
        assertThat(everyMailboxColumn).contains("127.0.0.1").doesNotContain(BounceDesk.PASSWORD);
    }

    @Test
    void testConnectionUsesTheStoredPasswordAndShowsTheSteps() {
        fillIn(BounceDesk.PASSWORD);
        vm.save();
        vm.testConnection();
        assertThat(vm.resultProperty().get()).isEqualTo("✔ The mailbox works: scans can read it.");
        assertThat(vm.transcript()).contains("Logged in.", "Folder INBOX: 0 messages.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void testConnectionWithAWrongPasswordSaysSoWithoutShowingIt() {
        fillIn("typo-in-password");
        vm.testConnection();
        assertThat(vm.resultProperty().get()).isEqualTo("✘ The server refused the login of bounces: check the user name and the password.");
        assertThat(String.join("\n", vm.transcript())).doesNotContain("typo-in-password");
    }

    @Test
    void testConnectionWithoutAnyPasswordAsksForIt() {
        fillIn("");
        vm.testConnection();
        assertThat(vm.resultProperty().get()).isEqualTo("✘ Type the password first: none is stored for Bounces.");
    }

    @Test
    void aWrongPortIsExplainedAndNothingIsSaved() {
        fillIn(BounceDesk.PASSWORD);
        vm.form().portProperty().set("imap");
        vm.save();
        assertThat(vm.resultProperty().get()).isEqualTo("The port must be a whole number, such as 143.");
        assertThat(mailboxes.list()).isEmpty();
        assertThat(desk.credentials.get(MailboxCredentials.key("Bounces"))).isEmpty();
    }

    @Test
    void choosingPop3WithTlsTakesItsPortAndNoFolderMove() {
        vm.newMailbox();
        vm.form().afterScanProperty().set(AfterScan.MOVE);
        vm.form().protocolProperty().set(MailProtocol.POP3);
        assertThat(vm.form().portProperty().get()).isEqualTo("995");
        assertThat(vm.form().afterScanProperty().get()).isEqualTo(AfterScan.DELETE);
    }

    @Test
    void removeForgetsTheMailboxAndItsPasswordButKeepsTheEvents() {
        fillIn(BounceDesk.PASSWORD);
        vm.save();
        BounceDesk.deliver(GREENMAIL.getUserManager().getUser(BounceDesk.LOGIN), "01-dsn-hard-rfc822.eml");
        BouncesViewModel events = new BouncesViewModel(desk.db, () -> desk.credentials, MailboxConnector.systemTrust(), new SameThreadRunner());
        events.scanNow();
        assertThat(events.items()).hasSize(1);

        vm.remove();

        assertThat(mailboxes.list()).isEmpty();
        assertThat(desk.credentials.get(MailboxCredentials.key("Bounces"))).isEmpty();
        assertThat(vm.resultProperty().get()).isEqualTo("Removed Bounces. The events it recorded stay in the list.");
        events.refresh();
        assertThat(events.items()).hasSize(1);
    }

    @Test
    void renamingKeepsThePassword() {
        fillIn(BounceDesk.PASSWORD);
        vm.save();
        vm.form().nameProperty().set("Returns");
        vm.save();
        assertThat(mailboxes.list()).extracting(m -> m.name()).containsExactly("Returns");
        assertThat(desk.credentials.get(MailboxCredentials.key("Returns"))).isPresent();
        assertThat(desk.credentials.get(MailboxCredentials.key("Bounces"))).isEmpty();
    }
}
