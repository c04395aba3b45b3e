package org.broadside.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Decides where Broadside keeps its database and files: --data, else BROADSIDE_HOME, else the platform's place. */
public final class DataDirectory {
    private DataDirectory() {}

    /**
     * @param explicit the --data option, or null
     * @param env      the process environment (a parameter so tests can supply their own)
     * @param osName   the value of os.name
     * @param userHome the value of user.home
     */
    public static Path resolve(Path explicit, Map<String, String> env, String osName, String userHome) {
        if (explicit != null) return explicit.toAbsolutePath().normalize();
        String home = env.get("BROADSIDE_HOME");
        if (home != null && !home.isBlank()) return Path.of(home).toAbsolutePath().normalize();
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("Broadside");
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return Path.of(userHome, "Library", "Application Support", "Broadside");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("broadside");
    }

    /** Resolves with the real environment of this process. */
    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }
}
