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
import java.util.List;
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

    /**
     * A second preview makes new mapping rows with the same targets as the first's: a cell whose value had not changed
     * stayed bound to its old row, so what was typed into it afterwards went to a row the import no longer used.
     */
    @Test
    void aFieldTypedAfterASecondPreviewIsWhatTheImportUses(FxRobot robot) throws Exception {
        Path again = Files.writeString(dir.resolve("crm-again-" + System.nanoTime() + ".csv"), "email,first_name\nzoe@example.com,Zoë\n");
        robot.interact(() -> robot.from(root).lookup("#importPreview").queryButton().fire());
        TableView<MappingRow> mapping = robot.from(root).lookup("#importMapping").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mapping.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        MappingRow first = mapping.getItems().get(1);
        robot.interact(() -> {
            vm.source().fileProperty().set(again.toString());
            robot.from(root).lookup("#importPreview").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mapping.getItems().size() == 2 && mapping.getItems().get(1) != first);
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> target = robot.from(mapping).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getIndex() == 1 && c.getTableColumn() == mapping.getColumns().get(2)).findFirst().orElseThrow();
        javafx.scene.control.ComboBox<?> combo = (javafx.scene.control.ComboBox<?>) target.getGraphic();
        robot.interact(() -> combo.getEditor().setText("First Name"));
        assertThat(vm.mapping().get(1).targetProperty().get()).isEqualTo("First Name");
    }

    /**
     * The list chosen after the preview (step 4 comes after step 3) changes the field choices of every mapping cell,
     * and so does an import that adds the source's columns to the list's fields. A combo box whose items are replaced
     * clears and sets its value again: its empty editor was written into the row, the mapping was emptied (Import then
     * asked for the e-mail column), and the boxes showed "(left out)". Walked in the app: a misspelt table, then the
     * right one, a list chosen, Import, Import again.
     */
    @Test
    void aListChosenAfterThePreviewAndAnImportKeepTheMapping(FxRobot robot) throws Exception {
        Path file = dir.resolve("crm-" + System.nanoTime() + ".db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.execute("CREATE TABLE members(email TEXT, first_name TEXT, last_name TEXT, city TEXT, plan TEXT)");
            for (int i = 0; i < 20; i++) st.execute("INSERT INTO members VALUES ('m" + i + "@example.com', 'F', 'L', 'C', 'gold')");
        }
        String listName = "Members " + System.nanoTime();
        new ContactRepository(db).createList(listName, List.of("First Name", "Last Name"));
        robot.interact(() -> {
            org.broadside.ui.ThemedScene.apply(root.getScene());
            // What a 1280x800 screen leaves the wizard: after the import its report takes the room of the mapping.
            root.getScene().getWindow().setWidth(1000);
            root.getScene().getWindow().setHeight(740);
            vm.refreshLists();
            ((javafx.scene.control.RadioButton) robot.from(root).lookup("#importFromDatabase").query()).fire();
            vm.source().urlProperty().set("jdbc:sqlite:" + file);
            vm.source().tableProperty().set("members");
            robot.from(root).lookup("#importPreview").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.mapping().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            vm.source().tableProperty().set("membersx");
            robot.from(root).lookup("#importPreview").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.statusProperty().get().contains("no such table"));
        robot.interact(() -> {
            vm.source().tableProperty().set("members");
            robot.from(root).lookup("#importPreview").queryButton().fire();
        });
        TableView<MappingRow> mapping = robot.from(root).lookup("#importMapping").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mapping.getItems().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> mapped = List.of("Email", "first_name", "last_name", "city", "plan");
        assertThat(mapping.getItems().stream().map(r -> r.targetProperty().get()).toList()).isEqualTo(mapped);
        // With the database's fields on screen the tables still show several rows (they showed one or two: the file's
        // row, a line per source choice and a row for the URL's tip took their room).
        TableView<?> preview = robot.from(root).lookup("#importPreviewTable").queryTableView();
        awaitWholeRows(preview, 3, mapping, 3);
        robot.interact(() -> {
            vm.listNameProperty().set(listName);
            robot.from(root).lookup("#importRun").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.statusProperty().get()).as("the list chosen after the preview").startsWith("Done.");
        robot.interact(() -> {
            root.applyCss();
            root.layout();
        });
        assertThat(mapping.getItems().stream().map(r -> r.targetProperty().get()).toList()).as("after the import").isEqualTo(mapped);
        List<String> shown = shownTargets(robot, mapping);
        assertThat(shown).isNotEmpty().isEqualTo(mapped.subList(0, shown.size()));
        // And Import again (into another list, say) still finds the e-mail column.
        robot.interact(() -> robot.from(root).lookup("#importRun").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.statusProperty().get().startsWith("Done.")
                && !vm.runningProperty().get());
    }

    private static List<String> shownTargets(FxRobot robot, TableView<MappingRow> mapping) {
        return robot.from(mapping).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() == mapping.getColumns().get(2) && c.getGraphic() instanceof javafx.scene.control.ComboBox<?>
                        && c.getIndex() >= 0 && c.getIndex() < mapping.getItems().size() && c.isVisible())
                .sorted(java.util.Comparator.comparingInt(TableCell::getIndex))
                .map(c -> ((javafx.scene.control.ComboBox<?>) c.getGraphic()).getEditor().getText()).toList();
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

    /** In a 1100x760 window the preview showed two and a half rows and the mapping as many columns. */
    @Test
    void thePreviewAndTheMappingShowSeveralRowsAtOnce(FxRobot robot) throws Exception {
        StringBuilder csv = new StringBuilder("email,first_name,last_name,city,plan,joined\n");
        for (int i = 0; i < 20; i++) csv.append("m").append(i).append("@example.com,F").append(i).append(",L").append(i).append(",C,gold,2025-01-01\n");
        Path file = Files.writeString(dir.resolve("members-" + System.nanoTime() + ".csv"), csv);
        robot.interact(() -> {
            // The wizard's own size (ImportWizard.show): the stage of these tests is shared, and an earlier test may
            // have left it smaller than this scene.
            root.getScene().getWindow().setWidth(1000);
            root.getScene().getWindow().setHeight(820);
            // The app's theme: its rows are taller than the JavaFX default's.
            root.getScene().setUserAgentStylesheet(getClass().getResource("/atlantafx/base/theme/primer-light.css").toExternalForm());
            root.getScene().getStylesheets().add(org.broadside.ui.shell.Theme.appStylesheet());
            vm.source().fileProperty().set(file.toString());
            robot.from(root).lookup("#importPreview").queryButton().fire();
        });
        TableView<?> preview = robot.from(root).lookup("#importPreviewTable").queryTableView();
        TableView<?> mapping = robot.from(root).lookup("#importMapping").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mapping.getItems().size() == 6 && preview.getItems().size() == 20);
        WaitForAsyncUtils.waitForFxEvents();
        awaitWholeRows(preview, 5, mapping, 4);

        // After the import its report is read whole, without scrolling inside it.
        robot.interact(() -> {
            vm.listNameProperty().set("Members");
            robot.from(root).lookup("#importRun").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.statusProperty().get().startsWith("Done."));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextArea report = robot.from(root).lookup("#importReport").queryAs(javafx.scene.control.TextArea.class);
        assertThat(report.getText().lines().count()).isGreaterThanOrEqualTo(5);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.asyncFx(() -> {
                root.applyCss();
                root.layout();
            }).get();
            return WaitForAsyncUtils.asyncFx(() -> report.lookupAll(".scroll-bar").stream().noneMatch(n -> n instanceof javafx.scene.control.ScrollBar b
                    && b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible())).get();
        });
    }

    /**
     * Waits until each table shows at least so many whole rows: they are laid out in a pulse after the items arrive,
     * and on a busy machine the first look saw two of them.
     */
    private void awaitWholeRows(TableView<?> preview, int previewRows, TableView<?> mapping, int mappingRows) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.asyncFx(() -> {
                root.applyCss();
                root.layout();
            }).get();
            return WaitForAsyncUtils.asyncFx(() -> wholeRowsInView(preview) >= previewRows && wholeRowsInView(mapping) >= mappingRows).get();
        });
    }

    /** Rows of the table with an item whose whole height lies inside the table's visible rows. */
    private static long wholeRowsInView(TableView<?> table) {
        javafx.geometry.Bounds view = table.lookup(".clipped-container").localToScene(table.lookup(".clipped-container").getLayoutBounds());
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && !r.isEmpty() && r.getItem() != null && r.isVisible())
                .map(n -> n.localToScene(n.getLayoutBounds()))
                .filter(b -> b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5)
                .count();
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
