package org.broadside.ui.settings;

import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.stage.Stage;
import org.broadside.campaign.Campaign;
import org.broadside.deliverability.checks.DomainChecks;
import org.broadside.deliverability.checks.SendingSetup;
import org.broadside.deliverability.dns.ZoneResolver;
import org.broadside.ui.common.SameThreadRunner;
import org.broadside.ui.shell.CampaignDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain check's DKIM finding links to the DKIM keys window, opened on the From domain. */
@ExtendWith(ApplicationExtension.class)
class SettingsDkimLinkTest {
    private final List<String> opened = new ArrayList<>();
    private SettingsViewModel vm;

    @Start
    void start(Stage stage) {
        CampaignDraft draft = new CampaignDraft(Campaign.blank("s-1", "News").withRecipients(List.of("Work"), "L", null)
                .withMessage("News <news@shop.example.com>", null, "Hi", "Hello", ""), null);
        vm = new SettingsViewModel(draft, () -> List.of("Work"), new SameThreadRunner());
        // The real domain checks over an empty zone: no DKIM key and nothing published.
        vm.setDomainChecker(doc -> org.broadside.compose.DomainCheckLines.of(new DomainChecks(new ZoneResolver().lookup()),
                SendingSetup.relay("shop.example.com", null, "smtp.example.net", null)));
        vm.setDkimOpener(opened::add);
        stage.setScene(new Scene(new SettingsView(vm), 900, 760));
        // The stage is shared by the tests (TestFX): a test that made it short must not leave it so.
        stage.setWidth(900);
        stage.setHeight(760);
        stage.show();
    }

    @Test
    void theLinkAppearsWithTheDkimFindingAndOpensTheWindowOnThatDomain(FxRobot robot) {
        Hyperlink link = robot.lookup("#setUpDkim").queryAs(Hyperlink.class);
        assertThat(link.isVisible()).isFalse();

        robot.clickOn("#checkDomain");

        assertThat(link.isVisible()).isTrue();
        assertThat(link.getText()).isEqualTo("Set up DKIM for shop.example.com…");
        assertThat(vm.domainFindings()).anyMatch(f -> f.startsWith("Warning: DKIM") && f.contains("Tools > DKIM keys…"));
        assertThat(vm.domainFindings()).as("the fix and the advice two sentences").noneMatch(f -> f.contains(" Use Tools") && !f.contains(". Use Tools"));
        robot.clickOn("#setUpDkim");
        assertThat(opened).containsExactly("shop.example.com");
    }

    /**
     * On a laptop-sized window with the app's theme, "3 checks failed" came over a findings list squeezed to a few
     * pixels: the findings keep room for several lines and the page scrolls instead.
     */
    @Test
    void theFindingsKeepTheirRoomInAShortWindow(FxRobot robot) {
        org.broadside.ui.ThemedScene.applyInWindow(robot, "#checkDomain", 1180, 560);
        robot.clickOn("#checkDomain");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<?> findings = robot.lookup("#domainFindings").queryListView();
        assertThat(vm.domainFindings()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(findings.getHeight()).as("the findings list's height").isGreaterThanOrEqualTo(100);
        // Each finding whole, wrapped at the list's width: no sideways scroll bar hides its fix.
        assertThat(org.broadside.ui.ThemedScene.showsScrollBar(findings, javafx.geometry.Orientation.HORIZONTAL)).as("a sideways scroll bar under the findings").isFalse();
        javafx.scene.control.TextField retry = robot.lookup("#retryField").queryAs(javafx.scene.control.TextField.class);
        assertThat(retry.getWidth()).as("a number's field").isLessThan(200);
    }
}
