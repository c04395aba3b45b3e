package org.broadside.ui.teamstore;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.campaign.Campaign;
import org.broadside.store.Database;
import org.broadside.store.SavedTeamStore;
import org.broadside.store.TeamStore;
import org.broadside.testing.TeamStoreServer;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.ui.shell.CampaignDraft;
import org.broadside.ui.shell.MainWindowViewModel;
import org.broadside.ui.shell.RecentFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * File &gt; Open team store as a user meets it, against a real PostgreSQL on loopback: a wrong address and an
 * unreachable server explained with nothing remembered, a store opened and remembered without its password, a move
 * the app refused leaving the old choice alone, and the title that says which store the windows are on.
 */
@ExtendWith(ApplicationExtension.class)
class TeamStoreViewTest {
    private final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    private final List<Database> offered = new ArrayList<>();
    private Path data;
    private TeamStoreViewModel vm;
    private boolean accept = true;

    @Start
    void start(Stage stage) {
        data = TempDirs.create("team-store-view");
        vm = new TeamStoreViewModel(data, () -> credentials, new FxBackgroundRunner());
        stage.setScene(new Scene(new TeamStoreView(vm, "this computer (" + data + ")", db -> {
            offered.add(db);
            return accept;
        }, stage::close), 620, 330));
        stage.show();
    }

    @AfterEach
    void closeOffered() {
        offered.forEach(Database::close);
    }

    @Test
    void anAddressThatIsNotAPostgresDatabaseIsNamedAndNothingIsRemembered(FxRobot robot) {
        robot.clickOn("#teamStoreUrl").write("postgres://db.example.org/broadside");
        robot.clickOn("#teamStoreOpen");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problem(robot)).contains("starts with jdbc:postgresql://");
        assertThat(offered).isEmpty();
        assertThat(Files.exists(data.resolve(SavedTeamStore.FILE_NAME))).isFalse();
    }

    @Test
    void anUnreachableServerIsExplainedAndNothingChanges(FxRobot robot) throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        robot.clickOn("#teamStoreUrl").write("jdbc:postgresql://127.0.0.1:" + port + "/broadside?connectTimeout=2");
        robot.clickOn("#teamStorePassword").write("never-shown");
        robot.clickOn("#teamStoreOpen");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !problem(robot).isEmpty());
        assertThat(problem(robot)).contains("127.0.0.1:" + port + "/broadside").doesNotContain("never-shown");
        assertThat(offered).isEmpty();
        assertThat(Files.exists(data.resolve(SavedTeamStore.FILE_NAME))).isFalse();
        assertThat(credentials.get(SavedTeamStore.credentialKey("jdbc:postgresql://127.0.0.1:" + port + "/broadside?connectTimeout=2"))).isEmpty();
    }

    @Test
    void aStoreThatOpensIsHandedToTheAppAndRememberedWithItsPasswordOnlyInTheCredentialStore(FxRobot robot) throws Exception {
        TeamStore team = TeamStoreServer.freshStore();
        robot.clickOn("#teamStoreUrl").write(team.url());
        robot.clickOn("#teamStoreUser").write("postgres");
        robot.clickOn("#teamStorePassword").write("s3cret-pw");
        robot.clickOn("#teamStoreOpen");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(data.resolve(SavedTeamStore.FILE_NAME)));
        assertThat(offered).hasSize(1);
        assertThat(offered.get(0).isTeamStore()).isTrue();
        assertThat(offered.get(0).describe()).isEqualTo("team store " + team.describe());
        String saved = Files.readString(data.resolve(SavedTeamStore.FILE_NAME));
        assertThat(saved).contains("postgres").doesNotContain("s3cret-pw");
        assertThat(SavedTeamStore.load(data)).get().satisfies(c -> {
            assertThat(c.url()).isEqualTo(team.url());
            assertThat(c.user()).isEqualTo("postgres");
        });
        assertThat(credentials.get(SavedTeamStore.credentialKey(team.url()))).get()
                .satisfies(chars -> assertThat(new String(chars)).isEqualTo("s3cret-pw"));
        assertThat(vm.passwordProperty().get()).as("the field forgets the password once it is kept").isEmpty();
    }

    @Test
    void aMoveTheAppRefusedClosesTheStoreAndKeepsTheOldChoice(FxRobot robot) throws Exception {
        accept = false;
        TeamStore team = TeamStoreServer.freshStore();
        robot.clickOn("#teamStoreUrl").write(team.url());
        robot.clickOn("#teamStoreUser").write("postgres");
        robot.clickOn("#teamStoreOpen");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !offered.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#teamStoreStatus").queryAs(Label.class).getText()).startsWith("Stayed on the store in use");
        assertThat(Files.exists(data.resolve(SavedTeamStore.FILE_NAME))).isFalse();
    }

    @Test
    void theTitleSaysWhichStoreTheWindowIsOn() {
        RecentFiles recent = new RecentFiles(data.resolve("recent.txt"));
        CampaignDraft draft = new CampaignDraft(Campaign.blank("t-1", "Spring"), null);
        assertThat(new MainWindowViewModel(draft, recent).titleProperty().get()).endsWith("Spring — Broadside");
        assertThat(new MainWindowViewModel(draft, recent, "team store db:5432/broadside").titleProperty().get())
                .endsWith("Spring — Broadside — team store db:5432/broadside");
    }

    private static String problem(FxRobot robot) {
        Label l = robot.lookup("#teamStoreProblem").queryAs(Label.class);
        return l.getText() == null ? "" : l.getText();
    }
}
