package org.broadside.ui.help;

import java.io.IOException;
import java.net.URI;

/** Opens a web or mail address in the system's own program. Blocks: call it in the background. */
public final class SystemBrowser {
    private SystemBrowser() {}

    public static void open(String address) throws IOException {
        URI uri = URI.create(address);
        boolean mail = "mailto".equalsIgnoreCase(uri.getScheme());
        java.awt.Desktop.Action action = mail ? java.awt.Desktop.Action.MAIL : java.awt.Desktop.Action.BROWSE;
        if (!java.awt.Desktop.isDesktopSupported() || !java.awt.Desktop.getDesktop().isSupported(action)) {
            throw new IOException("This system does not let Broadside open " + (mail ? "a mail program" : "a web browser") + ".");
        }
        if (mail) java.awt.Desktop.getDesktop().mail(uri);
        else java.awt.Desktop.getDesktop().browse(uri);
    }
}
