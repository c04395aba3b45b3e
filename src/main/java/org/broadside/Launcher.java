package org.broadside;

import org.broadside.cli.BroadsideCommand;
import org.broadside.cli.StartUpArchive;

/**
 * Entry point of broadside.jar. With a command it runs the command line without touching JavaFX; without
 * one it opens the desktop app. Deliberately not a javafx Application subclass: a shaded jar whose main
 * class extends Application refuses to start when JavaFX is on the class path rather than the module path.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (StartUpArchive.requested()) {
            // bin/broadside making its class-data-sharing archive (ADR 0025): load, write nothing, exit.
            StartUpArchive.loadListedClasses();
            System.exit(0);
        }
        System.exit(BroadsideCommand.run(args));
    }
}
