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
    private javafx.scene.Parent root;

    @Start
    void start(Stage stage) throws Exception {
        db = Database.open(dir.resolve("home-" + System.nanoTime()));
        Path csv = Files.writeString(dir.resolve("crm.csv"), "email,first_name\nzoe@example.com,Zoë\n");
        vm = new ImportWizardViewModel(db, new FxBackgroundRunner(), org.broadside.accounts.InMemoryCredentialStore::new, () -> { });
        vm.source().fileProperty().set(csv.toString());
        root = new ImportWizardView(vm);
        stage.setScene(new Scene(root, 1100, 760));
        stage.show();
    }

    /** The reported bug: first_name typed over as "First Name", then Import clicked, imported it as first_name. */
    @Test
    void aFieldTypedIntoTheMappingIsWhatTheImportUses(FxRobot robot) throws Exception {
        // Everything is looked up in this test's own window (other tests' windows may still be open in this JVM),
        // and driven through its controls rather than the mouse (another window may lie on top of it).
        robot.interact(() -> robot.from(root).lookup("#importPreview").queryButton().fire());
        TableView<MappingRow> mapping = robot.from(root).lookup("#importMapping").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mapping.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> target = robot.from(mapping).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getIndex() == 1 && c.getTableColumn() == mapping.getColumns().get(2)).findFirst().orElseThrow();
        javafx.scene.control.ComboBox<?> combo = (javafx.scene.control.ComboBox<?>) target.getGraphic();
        // Typed, not committed with Enter: the text in the cell's field must be the mapping at once.
        robot.interact(() -> combo.getEditor().setText("First Name"));
        assertThat(mapping.getItems().get(1).targetProperty().get()).isEqualTo("First Name");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> list = robot.from(root).lookup("#importList").queryAs(javafx.scene.control.ComboBox.class);
            list.setValue("Customers");
            robot.from(root).lookup("#importRun").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.statusProperty().get().startsWith("Done."));
        ContactRepository contacts = new ContactRepository(db);
        var list = contacts.requireList("Customers");
        assertThat(list.fields()).containsExactly("First Name");
        assertThat(contacts.find(list.id(), "zoe@example.com").orElseThrow().fields()).containsEntry("First Name", "Zoë");
    }

    /** The database's fields take room only when a database is the source: a file import gets taller tables. */
    @Test
    void onlyTheChosenSourcesFieldsTakeRoom(FxRobot robot) {
        javafx.scene.Node dbFields = robot.from(root).lookup("#importDatabaseFields").query();
        assertThat(dbFields.isManaged()).isFalse();
        assertThat(dbFields.isVisible()).isFalse();
        robot.interact(() -> ((javafx.scene.control.RadioButton) robot.from(root).lookup("#importFromDatabase").query()).fire());
        assertThat(dbFields.isManaged()).isTrue();
        assertThat(dbFields.isVisible()).isTrue();
    }

    @Test
    void previewColumnsAreWideEnoughForTheirHeaderAndValues() {
        assertThat(ImportWizardView.previewWidth("Sc", java.util.List.of(), 0)).isEqualTo(60);
        assertThat(ImportWizardView.previewWidth("First Name", java.util.List.of(java.util.List.of("Ann")), 0))
                .isGreaterThanOrEqualTo(10 * 8.5);
        assertThat(ImportWizardView.previewWidth("x", java.util.List.of(java.util.List.of("someone.with.a.long.name@example.com")), 0))
                .isGreaterThan(ImportWizardView.previewWidth("x", java.util.List.of(java.util.List.of("a@b.c")), 0));
        assertThat(ImportWizardView.previewWidth("x", java.util.List.of(java.util.List.of("y".repeat(500))), 0)).isEqualTo(260);
    }
}
