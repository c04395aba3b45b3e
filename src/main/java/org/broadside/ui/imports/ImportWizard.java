package org.broadside.ui.imports;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.broadside.ui.AppServices;
import org.broadside.ui.shell.Theme;

/** Opens the import wizard in its own window. */
public final class ImportWizard {
    private final AppServices services;
    private final Runnable onImported;

    public ImportWizard(AppServices services, Runnable onImported) {
        this.services = services;
        this.onImported = onImported;
    }

    public Stage show(Window owner) {
        ImportWizardViewModel vm = new ImportWizardViewModel(services.database(), services.runner(), services::credentials, onImported);
        vm.listenTo(services.uiEvents());
        Stage s = new Stage();
        if (owner != null) s.initOwner(owner);
        s.setTitle("Import contacts — Broadside");
        Scene scene = new Scene(new ImportWizardView(vm), 1000, 820);
        scene.getStylesheets().add(Theme.appStylesheet());
        s.setScene(scene);
        s.show();
        return s;
    }
}
