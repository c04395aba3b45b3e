package org.broadside.ui.shell;

import org.broadside.diagnostics.LogFile;

import java.nio.file.Path;
import java.util.List;

/**
 * What a bug report needs, for Help > Copy diagnostics: version, system, Java, data directory and the recent
 * unexpected errors, the log file and its last lines. Built from a fixed list of facts and the log (which keeps no
 * secrets), never from the environment or the store, so no password, passphrase or message body can end up in it.
 */
public final class Diagnostics {
    /** Enough for the events around an error, short enough to paste into a mail. */
    static final int LOG_LINES = 40;

    private Diagnostics() {}

    /** The version from the jar's manifest, or "development build" when run from classes. */
    public static String version() {
        String v = Diagnostics.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    public static String report(Path dataDirectory, List<String> recentErrors) {
        return report(dataDirectory, null, recentErrors);
    }

    /** As {@link #report(Path, List)}, naming the store the app is on ({@code Database.describe()}: never a secret). */
    public static String report(Path dataDirectory, String store, List<String> recentErrors) {
        StringBuilder sb = new StringBuilder();
        sb.append("Broadside ").append(version()).append('\n');
        sb.append("OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" (").append(System.getProperty("os.arch")).append(")\n");
        sb.append("Java: ").append(System.getProperty("java.vendor")).append(' ').append(System.getProperty("java.version"))
                .append(" (").append(System.getProperty("java.vm.name")).append(")\n");
        sb.append("JavaFX: ").append(System.getProperty("javafx.runtime.version", "not started")).append('\n');
        sb.append("Data directory: ").append(dataDirectory).append('\n');
        if (store != null) sb.append("Store: ").append(store).append('\n');
        sb.append("Recent errors: ");
        if (recentErrors.isEmpty()) sb.append("none\n");
        else {
            sb.append('\n');
            recentErrors.forEach(e -> sb.append("  ").append(e).append('\n'));
        }
        // The log holds no password, no AUTH line and no message body (LogSecretsTest), so its tail may be copied.
        sb.append("Log file: ").append(LogFile.current().map(Path::toString).orElse("none")).append('\n');
        List<String> tail = LogFile.lastLines(LOG_LINES);
        if (!tail.isEmpty()) {
            sb.append("Last log lines:\n");
            tail.forEach(l -> sb.append("  ").append(l).append('\n'));
        }
        return sb.toString();
    }

    /** The licences of Broadside and the libraries it bundles, for Help > About. */
    public static String licences() {
        try (var in = Diagnostics.class.getResourceAsStream("/org/broadside/ui/licences.txt")) {
            return in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
