package org.broadside.ui.servers;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.server.ServerFixture;
import org.broadside.server.ServerOptions;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.unsubscribe.KnownServers;
import org.broadside.unsubscribe.ServerKeys;
import org.broadside.unsubscribe.ServerPulls;
import org.broadside.unsubscribe.ServerSecret;
import org.broadside.unsubscribe.UnsubscribeServerRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window as a marketer uses it, against a real server on loopback, with the app's background runner (tests and
 * pulls run off the FX thread): a bad address and a wrong key explained, a server added, an unsubscribe pulled with
 * Pull now, the server removed after the question.
 */
@ExtendWith(ApplicationExtension.class)
class UnsubscribeServersViewTest {
    private ServerFixture server;
    private Database desktop;
    private final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    private FxBackgroundRunner runner;

    @Start
    void start(Stage stage) throws Exception {
        server = new ServerFixture(ServerOptions.loopback(), false);
        desktop = Database.open(TempDirs.create("servers-view"));
        ServerFixture.addCampaign(desktop, ServerFixture.CAMPAIGN, "Acme News", List.of(ServerFixture.JO, ServerFixture.ANN));
        runner = new FxBackgroundRunner();
        ServerPulls pulls = new ServerPulls(desktop, () -> credentials);
        UnsubscribeServersViewModel vm = new UnsubscribeServersViewModel(new UnsubscribeServerRepository(desktop),
                new KnownServers(desktop, () -> credentials), pulls::pull, runner, ZoneOffset.UTC);
        stage.setScene(new Scene(new UnsubscribeServersView(vm, "the test's credential store"), 900, 640));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        runner.shutdown();
    }

    @Test
    void addPullAndRemoveAServer(FxRobot robot) throws Exception {
        String url = UnsubscribeServersViewModelTest.withoutSlash(server.server.localUrl().toString());
        robot.clickOn("#serverAdd");
        robot.clickOn("#serverUrl").write("http://news.acme.example");
        robot.clickOn("#serverKey").write(server.secret.text());
        robot.clickOn("#serverSave");
        assertThat(text(robot, "#serverProblem")).startsWith("Use https:// for a server on another machine");

        replace(robot, "#serverUrl", url);
        replace(robot, "#serverKey", ServerSecret.generate().text());
        robot.clickOn("#serverSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#serverProblem").contains("refused the key"));
        assertThat(text(robot, "#serverProblem")).endsWith("Nothing was saved.");

        replace(robot, "#serverKey", server.secret.text());
        robot.clickOn("#serverSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#serversStatus").startsWith("Added " + url));
        assertThat(robot.lookup("#serverForm").query().isVisible()).isFalse();
        assertThat(credentials.get(ServerKeys.credentialKey(url))).isPresent();

        assertThat(server.oneClick(server.token(ServerFixture.JO)).statusCode()).isEqualTo(200);
        TableView<?> table = robot.lookup("#serversTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#serverPull");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#serversStatus").contains("1 unsubscribe recorded"));
        assertThat(new BlacklistRepository(desktop).entries()).anyMatch(e -> e.entry().equals(ServerFixture.JO));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("1 new event: 1 unsubscribe recorded, 0 undone, 1 acknowledged").tryQuery().isPresent());

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#serverRemove");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#serversStatus").startsWith("Removed " + url));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().isEmpty());
        assertThat(credentials.get(ServerKeys.credentialKey(url))).isEmpty();
    }

    private static void replace(FxRobot robot, String id, String text) {
        robot.clickOn(id).push(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.A).write(text);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
