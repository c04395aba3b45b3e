package org.broadside.ui.lists;

import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The contact table's right-click menu, used with the mouse. */
@ExtendWith(ApplicationExtension.class)
class ContactContextMenuTest {
    private BlacklistRepository blacklist;
    private ListManagerViewModel vm;

    @Start
    void start(Stage stage) {
        Database db = Database.open(TempDirs.create("context-menu"));
        ContactRepository contacts = new ContactRepository(db);
        blacklist = new BlacklistRepository(db);
        var list = contacts.createList("Members", List.of("Name"));
        contacts.upsert(list.id(), List.of(Contact.of("ann@example.com", Map.of("Name", "Ann")),
                Contact.of("bob@example.com", Map.of("Name", "Bob"))));
        vm = new ListManagerViewModel(contacts, new SameThreadRunner());
        vm.useBlacklist(blacklist);
        stage.setScene(new Scene(new ListManagerView(vm, () -> { }), 900, 500));
        stage.show();
    }

    /** Monocle turns no secondary click into a context-menu request, so the test sends the request a click would. */
    private static void rightClick(FxRobot robot, TableView<?> table) {
        var at = table.localToScreen(100, 40);
        robot.interact(() -> javafx.event.Event.fireEvent(table, new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 100, 40, at.getX(), at.getY(), false, null)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void rightClickBlacklistsTheContactAndCopiesItsAddress(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#contactTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        robot.clickOn("ann@example.com");
        rightClick(robot, table);
        robot.clickOn("Add to blacklist");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> blacklist.snapshot().match("ann@example.com") != null);
        assertThat(blacklist.snapshot().match("bob@example.com")).isNull();

        robot.clickOn("bob@example.com");
        rightClick(robot, table);
        robot.clickOn("Copy address");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).isEqualTo("bob@example.com");
    }
}
