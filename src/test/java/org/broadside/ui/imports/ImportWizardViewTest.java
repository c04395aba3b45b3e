package org.broadside.ui.imports;

import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ImportWizardViewTest {
    @TempDir static Path dir;
    private Database db;
    private ImportWizardViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        db = Database.open(dir.resolve("home-" + System.nanoTime()));
        Path csv = Files.writeString(dir.resolve("crm.csv"), "email,first_name\nzoe@example.com,Zoë\n");
        vm = new ImportWizardViewModel(db, new FxBackgroundRunner(), org.broadside.accounts.InMemoryCredentialStore::new, () -> { });
        vm.source().fileProperty().set(csv.toString());
        stage.setScene(new Scene(new ImportWizardView(vm), 1100, 760));
        stage.show();
    }

    /** The reported bug: first_name typed over as "First Name", then Import clicked, imported it as first_name. */
    @Test
    void aFieldTypedIntoTheMappingIsWhatTheImportUses(FxRobot robot) throws Exception {
        robot.clickOn("#importPreview");
        TableView<MappingRow> mapping = robot.lookup("#importMapping").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mapping.getItems().size() == 2);
        TableCell<?, ?> target = robot.lookup("#importMapping .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getIndex() == 1 && c.getTableColumn() == mapping.getColumns().get(2)).findFirst().orElseThrow();
        // Into the cell's text field itself (a click on the cell's middle can land on the choice's arrow under load).
        javafx.scene.control.ComboBox<?> combo = (javafx.scene.control.ComboBox<?>) target.getGraphic();
        robot.clickOn(combo.getEditor());
        robot.interact(() -> combo.getEditor().selectAll());
        robot.write("First Name");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "First Name".equals(mapping.getItems().get(1).targetProperty().get()));
        robot.clickOn("#importList").write("Customers");
        robot.clickOn("#importRun");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.statusProperty().get().startsWith("Done."));
        ContactRepository contacts = new ContactRepository(db);
        var list = contacts.requireList("Customers");
        assertThat(list.fields()).containsExactly("First Name");
        assertThat(contacts.find(list.id(), "zoe@example.com").orElseThrow().fields()).containsEntry("First Name", "Zoë");
    }
}
