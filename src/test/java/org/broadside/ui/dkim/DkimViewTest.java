package org.broadside.ui.dkim;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.broadside.deliverability.dkim.DkimKeyStore;
import org.broadside.deliverability.dns.ZoneResolver;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class DkimViewTest {
    private final ZoneResolver zone = new ZoneResolver();
    private DkimKeyStore store;

    @Start
    void start(Stage stage) throws Exception {
        store = new DkimKeyStore(Files.createTempDirectory(Files.createDirectories(Path.of("target")), "dkim-view"));
        DkimViewModel vm = new DkimViewModel(store, () -> List.of("news.example.com"), zone.lookup(), new SameThreadRunner(),
                Clock.systemUTC());
        stage.setScene(new Scene(new DkimView(vm), 900, 720));
        stage.show();
        vm.load(null);
    }

    @Test
    void generateThenCopyThenCheckAPublishedRecord(FxRobot robot) throws Exception {
        // Select all, then type: backspaces erase only what is left of the caret, and a click may land mid-text.
        TextField selector = robot.lookup("#dkimSelector").queryAs(TextField.class);
        robot.clickOn(selector);
        robot.interact(selector::selectAll);
        robot.write("bs1");
        assertThat(selector.getText()).isEqualTo("bs1");
        robot.clickOn("#dkimGenerate");

        TextField name = robot.lookup("#dkimRecordName").queryAs(TextField.class);
        TextArea value = robot.lookup("#dkimRecordValue").queryAs(TextArea.class);
        assertThat(name.getText()).isEqualTo("bs1._domainkey.news.example.com");
        assertThat(value.getText()).startsWith("v=DKIM1; k=rsa; p=");
        assertThat(robot.lookup("#dkimZoneLine").queryAs(TextArea.class).getText()).contains("\" \"");

        robot.clickOn("#dkimCopyValue");
        String copied = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).isEqualTo(value.getText());

        zone.txt("bs1._domainkey.news.example.com", value.getText());
        robot.clickOn("#dkimCheckDns");
        assertThat(robot.lookup("#dkimCheckHeadline").queryAs(Label.class).getText()).isEqualTo("Published and matches");
    }
}
