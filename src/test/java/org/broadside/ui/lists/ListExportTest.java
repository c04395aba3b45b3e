package org.broadside.ui.lists;

import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactExport;
import org.broadside.contacts.ContactList;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Export from the list manager: the dialog's answer, and the file the view model writes for it. */
@ExtendWith(ApplicationExtension.class)
class ListExportTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.control.Label("owner"), 300, 200));
        stage.show();
    }

    @Test
    void theViewModelExportsTheSearchedContactsWithTheChosenFields() throws Exception {
        Path dir = TempDirs.create("list-export");
        ContactRepository contacts = new ContactRepository(Database.open(dir));
        ContactList list = contacts.createList("Members", List.of("First Name", "City"));
        contacts.upsert(list.id(), List.of(Contact.of("zoe@example.com", Map.of("First Name", "Zoë", "City", "Zürich")),
                Contact.of("bob@example.com", Map.of("First Name", "Bob", "City", "Paris"))));
        ListManagerViewModel vm = new ListManagerViewModel(contacts, new SameThreadRunner());
        vm.refreshLists();
        vm.searchProperty().set("zoe");
        Path file = dir.resolve("zoe.csv");
        vm.export(List.of("First Name", "Email"), true, ContactExport.Format.CSV, file);
        assertThat(Files.readAllLines(file)).containsExactly("\uFEFFFirst Name,Email", "Zoë,zoe@example.com");
        assertThat(vm.statusProperty().get()).isEqualTo("1 contact exported to zoe.csv.");
        assertThat(vm.busyProperty().get()).isFalse();

        vm.export(List.of("Email"), false, ContactExport.Format.CSV, file);
        assertThat(Files.readAllLines(file)).hasSize(3);
    }

    @Test
    void theDialogAnswersWithTheTickedFieldsTheFormatAndTheSearchChoice(FxRobot robot) throws Exception {
        AtomicReference<ExportDialog> dialog = new AtomicReference<>();
        AtomicReference<ExportDialog.Choice> answer = new AtomicReference<>();
        robot.interact(() -> {
            dialog.set(new ExportDialog("Members", List.of("First Name", "City"), "match \"zoe\"", "1"));
            dialog.get().setOnHidden(e -> answer.set(dialog.get().getResult()));
            dialog.get().show();
        });
        robot.clickOn("#exportXlsx");
        robot.clickOn("#exportField-City");
        CheckBox only = robot.lookup("#exportOnlyShown").queryAs(CheckBox.class);
        assertThat(only.getText()).isEqualTo("Only the 1 contacts that match \"zoe\"");
        assertThat(only.isSelected()).isTrue();
        robot.interact(() -> ((javafx.scene.control.Button) dialog.get().getDialogPane().lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(answer.get()).isEqualTo(new ExportDialog.Choice(ContactExport.Format.XLSX, List.of("Email", "First Name"), true));
    }
}
