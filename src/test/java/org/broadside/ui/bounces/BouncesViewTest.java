package org.broadside.ui.bounces;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.broadside.bounces.BounceRulesRepository;
import org.broadside.bounces.MailboxConnector;
import org.broadside.bounces.MailboxCredentials;
import org.broadside.bounces.MailboxRepository;
import org.broadside.ui.common.FxBackgroundRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounces window used with the mouse: Scan now over a real IMAP mailbox, the event in the table, Undo. */
@ExtendWith(ApplicationExtension.class)
class BouncesViewTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());
    private BounceDesk desk;

    @Start
    void start(Stage stage) {
        desk = new BounceDesk();
        FxBackgroundRunner runner = new FxBackgroundRunner();
        BouncesViewModel events = new BouncesViewModel(desk.db, () -> desk.credentials, MailboxConnector.systemTrust(), runner);
        events.listenTo(desk.db.events());
        MailboxesViewModel mailboxes = new MailboxesViewModel(new MailboxRepository(desk.db), () -> desk.credentials,
                MailboxConnector.systemTrust(), runner);
        BouncesView view = new BouncesView(events, mailboxes, new BounceRulesViewModel(new BounceRulesRepository(desk.db), runner));
        Scene scene = new Scene(view, 1100, 700);
        scene.getStylesheets().add(org.broadside.ui.shell.Theme.appStylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void scanNowListsTheBounceAndUndoReversesIt(FxRobot robot) throws Exception {
        GreenMailUser user = GREENMAIL.setUser("bounces@news.example.org", BounceDesk.LOGIN, BounceDesk.PASSWORD);
        new MailboxRepository(desk.db).save(BounceDesk.mailbox(GREENMAIL.getImap().getPort()));
        desk.credentials.put(MailboxCredentials.key("Bounces"), BounceDesk.PASSWORD.toCharArray());
        BounceDesk.deliver(user, "01-dsn-hard-rfc822.eml");

        robot.clickOn("#bouncesScan");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#bouncesStatus").queryAs(Label.class).getText()
                .equals("Scan finished: 1 new event recorded."));
        assertThat(desk.blacklisted()).containsExactly(BounceDesk.ALICE);
        robot.clickOn(BounceDesk.ALICE);
        robot.clickOn("#bouncesUndo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> desk.blacklisted().isEmpty());
        assertThat(desk.flagsOfAlice()).isNull();
    }
}
