package org.broadside.ui.bounces;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.broadside.bounces.BounceClassifier;
import org.broadside.bounces.BounceKind;
import org.broadside.bounces.ListedBounce;
import org.broadside.bounces.MailboxConnector;
import org.broadside.bounces.MailboxCredentials;
import org.broadside.bounces.MailboxRepository;
import org.broadside.bounces.MailboxScanner;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The events of the bounces window, scanned from a real IMAP mailbox into a real SQLite store, and undone. */
class BouncesViewModelTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    BounceDesk desk;
    GreenMailUser user;
    BouncesViewModel vm;

    @BeforeEach
    void setUp() {
        desk = new BounceDesk();
        user = GREENMAIL.setUser("bounces@news.example.org", BounceDesk.LOGIN, BounceDesk.PASSWORD);
        vm = new BouncesViewModel(desk.db, () -> desk.credentials, MailboxConnector.systemTrust(), new SameThreadRunner());
        vm.listenTo(desk.db.events());
    }

    void addMailboxWithPassword() {
        new MailboxRepository(desk.db).save(BounceDesk.mailbox(GREENMAIL.getImap().getPort()));
        desk.credentials.put(MailboxCredentials.key("Bounces"), BounceDesk.PASSWORD.toCharArray());
    }

    @Test
    void scanNowShowsTheBounceAndUndoTakesAliceOffTheBlacklist() {
        addMailboxWithPassword();
        BounceDesk.deliver(user, "01-dsn-hard-rfc822.eml");
        vm.activate();
        vm.scanNow();
        vm.tick();

        assertThat(vm.scanLines()).containsExactly("✔ Bounces: 1 message, 1 recognised (kept in the mailbox), 0 others left alone.");
        assertThat(vm.statusProperty().get()).isEqualTo("Scan finished: 1 new event recorded.");
        ListedBounce row = vm.items().get(0);
        assertThat(vm.items()).hasSize(1);
        assertThat(row.event().kind()).isEqualTo(BounceKind.HARD_BOUNCE);
        assertThat(row.event().email()).isEqualTo(BounceDesk.ALICE);
        assertThat(row.campaignName()).isEqualTo("Autumn news");
        assertThat(BounceWords.action(row.event())).isEqualTo("Blacklisted, contact flagged bounced");
        assertThat(desk.blacklisted()).containsExactly(BounceDesk.ALICE);
        assertThat(desk.flagsOfAlice()).isEqualTo("bounced");

        vm.undo(row);

        assertThat(desk.blacklisted()).isEmpty();
        assertThat(desk.flagsOfAlice()).isNull();
        assertThat(BounceWords.action(vm.items().get(0).event())).isEqualTo("Undone (was: blacklisted, contact flagged bounced)");
        assertThat(BounceWords.undoable(vm.items().get(0).event())).isFalse();
    }

    @Test
    void eventsOfTheAutomaticScansAppearWhileTheWindowShows() {
        addMailboxWithPassword();
        vm.activate();
        assertThat(vm.items()).isEmpty();
        BounceDesk.deliver(user, "01-dsn-hard-rfc822.eml");
        // What the automatic scans run, on their own thread in the app: the window is told through the store's events.
        new MailboxScanner(desk.db, desk.credentials, MailboxConnector.systemTrust(), new BounceClassifier(Set.of())).scan("Bounces", false);
        assertThat(vm.items()).extracting(r -> r.event().email()).containsExactly(BounceDesk.ALICE);
    }

    @Test
    void theDeliveryPanelsLinkShowsOneCampaignAndOneKind() {
        addMailboxWithPassword();
        BounceDesk.deliver(user, "01-dsn-hard-rfc822.eml");
        BounceDesk.deliver(user, "21-auto-rfc3834.eml");
        vm.activate();
        vm.scanNow();
        assertThat(vm.items()).hasSize(2);

        vm.showCampaign("autumn", BounceKind.HARD_BOUNCE);
        assertThat(vm.campaignFilterProperty().get().name()).isEqualTo("Autumn news");
        assertThat(vm.items()).extracting(r -> r.event().kind()).containsExactly(BounceKind.HARD_BOUNCE);
        vm.showCampaign("autumn", BounceKind.COMPLAINT);
        assertThat(vm.items()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("No event matches the filters.");
    }

    @Test
    void searchFindsByAddressInAnyCase() {
        addMailboxWithPassword();
        BounceDesk.deliver(user, "01-dsn-hard-rfc822.eml");
        BounceDesk.deliver(user, "21-auto-rfc3834.eml");
        vm.activate();
        vm.scanNow();
        vm.searchProperty().set("ALICE@");
        assertThat(vm.items()).extracting(r -> r.event().email()).containsExactly(BounceDesk.ALICE);
    }

    @Test
    void withoutAMailboxScanNowSaysWhereToAddOne() {
        vm.activate();
        vm.scanNow();
        assertThat(vm.statusProperty().get()).isEqualTo("No bounce mailbox yet: add one on the Mailboxes tab with New mailbox, then press Scan now.");
        assertThat(vm.statusProperty().get()).doesNotContain("broadside");
    }

    @Test
    void aMailboxWithoutPasswordIsNamedWithWhatToDo() {
        new MailboxRepository(desk.db).save(BounceDesk.mailbox(GREENMAIL.getImap().getPort()));
        vm.scanNow();
        vm.tick();
        assertThat(vm.scanLines()).containsExactly(
                "✘ Bounces: no password is stored. Choose it on the Mailboxes tab, type the password and press Save.");
    }

    @Test
    void theConnectionLogOpensAtTheMatchedRecipient() {
        addMailboxWithPassword();
        BounceDesk.deliver(user, "01-dsn-hard-rfc822.eml");
        List<String> opened = new ArrayList<>();
        vm.setLogOpener((campaign, recipient) -> opened.add(campaign + "#" + recipient));
        vm.activate();
        vm.scanNow();
        ListedBounce row = vm.items().get(0);
        assertThat(vm.hasLog(row)).isTrue();
        vm.openLog(row);
        assertThat(opened).containsExactly("autumn#" + row.event().recipientId());
    }
}
