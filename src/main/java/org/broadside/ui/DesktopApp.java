package org.broadside.ui;

import javafx.application.Application;

import java.nio.file.Path;

/** Entry point the command line calls (by reflection) to open the desktop app on a data directory. */
public final class DesktopApp {
    private static volatile Path dataDirectory;

    private DesktopApp() {}

    /** Starts JavaFX and returns when the last window closed. */
    public static void launch(Path dataDirectory) {
        DesktopApp.dataDirectory = dataDirectory;
        Application.launch(BroadsideApplication.class);
    }

    static Path dataDirectory() {
        return dataDirectory;
    }
}
