package org.broadside.ui;

import javafx.application.Application;
import org.broadside.store.TeamStore;

import java.nio.file.Path;

/** Entry point the command line calls (by reflection) to open the desktop app on a data directory. */
public final class DesktopApp {
    private static volatile Path dataDirectory;
    private static volatile TeamStore teamStore;

    private DesktopApp() {}

    /** Starts JavaFX and returns when the last window closed. */
    public static void launch(Path dataDirectory) {
        launch(dataDirectory, null);
    }

    /** As {@link #launch(Path)}, on the team store of --store or $BROADSIDE_STORE when not null. */
    public static void launch(Path dataDirectory, TeamStore teamStore) {
        DesktopApp.dataDirectory = dataDirectory;
        DesktopApp.teamStore = teamStore;
        Application.launch(BroadsideApplication.class);
    }

    static TeamStore teamStore() {
        return teamStore;
    }

    static Path dataDirectory() {
        return dataDirectory;
    }
}
