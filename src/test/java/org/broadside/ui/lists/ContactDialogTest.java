package org.broadside.ui.lists;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.broadside.contacts.Contact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The contact form in its dialog: its labels sat against the window's left edge (the pane pads only its own text). */
@ExtendWith(ApplicationExtension.class)
class ContactDialogTest {
    @Start
    void start(Stage stage) {
        // The app's theme: JavaFX's own pads a dialog's content, the app's does not.
        org.broadside.ui.common.ThemedDialogStage.prepare(stage);
    }

    @org.junit.jupiter.api.AfterEach
    void theme(FxRobot robot) {
        robot.interact(org.broadside.ui.common.ThemedDialogStage::restoreTheme);
    }

    @Test
    void theFormKeepsAMarginFromTheWindowsEdge(FxRobot robot) {
        AtomicReference<ContactDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            ContactDialog d = new ContactDialog(new Contact(1, "linus@example.net", Map.of("First Name", "Linus")), List.of("First Name"));
            dialog.set(d);
            d.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<Double> left = new AtomicReference<>();
        robot.interact(() -> {
            Label email = (Label) dialog.get().getDialogPane().lookupAll(".label").stream()
                    .filter(n -> n instanceof Label l && "Email".equals(l.getText())).findFirst().orElseThrow();
            left.set(email.localToScene(0, 0).getX());
            dialog.get().close();
        });
        assertThat(left.get()).as("the Email label's distance from the dialog's left edge").isGreaterThanOrEqualTo(8.0);
    }

    @Test
    void aNewContactsAddressTakesTheFirstKeys(FxRobot robot) {
        AtomicReference<ContactDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            ContactDialog d = new ContactDialog(null, List.of("First Name"));
            dialog.set(d);
            d.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField email = robot.lookup("#contactEmail").queryAs(javafx.scene.control.TextField.class);
        boolean focused = email.isFocused();
        robot.interact(() -> dialog.get().close());
        assertThat(focused).as("typed keys went to Cancel and were lost").isTrue();
    }
}
