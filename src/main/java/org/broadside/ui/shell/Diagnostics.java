package org.broadside.ui.shell;

import java.nio.file.Path;
import java.util.List;

/**
 * What a bug report needs, for Help > Copy diagnostics: version, system, Java, data directory and the recent
 * unexpected errors. Built from a fixed list of facts, never from the environment or the store, so no password,
 * passphrase or message body can end up in it.
 */
public final class Diagnostics {
    private Diagnostics() {}

    /** The version from the jar's manifest, or "development build" when run from classes. */
    public static String version() {
        String v = Diagnostics.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    public static String report(Path dataDirectory, List<String> recentErrors) {
        StringBuilder sb = new StringBuilder();
        sb.append("Broadside ").append(version()).append('\n');
        sb.append("OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" (").append(System.getProperty("os.arch")).append(")\n");
        sb.append("Java: ").append(System.getProperty("java.vendor")).append(' ').append(System.getProperty("java.version"))
                .append(" (").append(System.getProperty("java.vm.name")).append(")\n");
        sb.append("JavaFX: ").append(System.getProperty("javafx.runtime.version", "not started")).append('\n');
        sb.append("Data directory: ").append(dataDirectory).append('\n');
        sb.append("Recent errors: ");
        if (recentErrors.isEmpty()) sb.append("none\n");
        else {
            sb.append('\n');
            recentErrors.forEach(e -> sb.append("  ").append(e).append('\n'));
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
