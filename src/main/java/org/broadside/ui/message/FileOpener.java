package org.broadside.ui.message;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a file in the program the system uses for it. Called in the background; tests replace it. */
@FunctionalInterface
public interface FileOpener {
    /** @throws IOException with a sentence for the user when the system cannot open it */
    void open(Path file) throws IOException;

    /** The desktop's own opener (java.awt.Desktop), where the system offers one. */
    static FileOpener desktop() {
        return file -> {
            if (!java.awt.Desktop.isDesktopSupported() || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                throw new IOException("This system does not let Broadside open files; the file is at " + file);
            }
            java.awt.Desktop.getDesktop().open(file.toFile());
        };
    }
}
