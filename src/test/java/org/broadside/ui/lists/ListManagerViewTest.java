package org.broadside.ui.lists;

import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.ui.common.FxBackgroundRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ListManagerViewTest {
    static final int CONTACTS = 60_000;
    @TempDir static Path dir;
    private ListManagerViewModel vm;

    @Start
    void start(Stage stage) {
        ContactRepository contacts = new ContactRepository(Database.open(dir));
        var list = contacts.createList("Big", List.of("Name"));
        List<Contact> batch = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) batch.add(Contact.of(String.format("u%06d@example.com", i), Map.of("Name", "Name " + i)));
        contacts.upsert(list.id(), batch);
        vm = new ListManagerViewModel(contacts, new FxBackgroundRunner());
        stage.setScene(new Scene(new ListManagerView(vm, () -> { }), 900, 600));
        stage.show(); // the view reads the lists itself when it shows
    }

    @Test
    void scrollingToTheEndOfSixtyThousandContactsLoadsOnlyTheVisiblePages(FxRobot robot) throws Exception {
        TableView<ContactRow> table = robot.lookup("#contactTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == CONTACTS);
        robot.interact(() -> table.scrollTo(CONTACTS - 1));
        // JavaFX 21's VirtualFlow sometimes stops one row short of a far scrollTo under load: either of the last two
        // rows on screen proves the jump reached the end without loading the pages in between.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(String.format("u%06d@example.com", CONTACTS - 1)).tryQuery().isPresent()
                || robot.lookup(String.format("u%06d@example.com", CONTACTS - 2)).tryQuery().isPresent());
        assertThat(vm.pagesLoaded()).isLessThanOrEqualTo(4);
    }

    @Test
    void searchingNarrowsTheTable(FxRobot robot) throws Exception {
        TableView<ContactRow> table = robot.lookup("#contactTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == CONTACTS);
        robot.clickOn("#contactSearch").write("Name 9999");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        // The count of the last keystroke may still be running when the previous one's rows show.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#listStatus").queryLabeled().getText().equals("1 of 60,000 contacts match"));
        assertThat(table.getItems()).hasSize(1);

        robot.write("x");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().isEmpty());
        assertThat(robot.lookup("#contactsPlaceholder").queryLabeled().getText())
                .as("an empty table says why, and what to do").isEqualTo("No contact matches the search or filter.");
    }
}
