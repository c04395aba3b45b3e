package org.broadside.ui.imports;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.broadside.ui.shell.Theme;
import org.broadside.ui.shell.WindowMemory;

/** Opens the import wizard in its own window. */
public final class ImportWizard {
    private final ImportWizardViewModel vm;

    /** vm already listens to the app's events (the wizard takes its parts, not the app's services: no cycle). */
    public ImportWizard(ImportWizardViewModel vm) {
        this.vm = vm;
    }

    /**
     * Starts the wizard with this list as the target (blank or null: none chosen), as when it is opened from the list
     * manager showing that list: importing into the list in front of you is the usual case.
     */
    public ImportWizard into(String listName) {
        if (listName != null && !listName.isBlank()) vm.listNameProperty().set(listName);
        return this;
    }

    public Stage show(Window owner) {
        return show(owner, null);
    }

    /** Opens the wizard at its remembered place when {@code memory} is given. */
    public Stage show(Window owner, WindowMemory memory) {
        Stage s = new Stage();
        if (owner != null) s.initOwner(owner);
        s.setTitle("Import contacts — Broadside");
        Scene scene = new Scene(new ImportWizardView(vm), 1000, 820);
        scene.getStylesheets().add(Theme.appStylesheet());
        s.setScene(scene);
        // Ctrl+W as in every other tool window (the user guide promises it).
        org.broadside.ui.common.CloseShortcut.install(s);
        if (memory != null) memory.remember(s, "importWizard", WindowMemory.DefaultSize.fixed(1000, 820));
        s.show();
        return s;
    }
}
