package org.broadside.diagnostics;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Why the desktop app cannot open a window, in one sentence that says what to do: no display to open it on, or the
 * GTK 3 libraries that JavaFX needs on Linux are not installed. Decided from the environment and the library folders,
 * never from the wording of JavaFX's exception. The command line needs neither, so every sentence says so.
 */
public final class DesktopProblem {
    /** Where Linux distributions keep shared libraries; LD_LIBRARY_PATH's folders are searched first. */
    static final List<String> LIBRARY_FOLDERS = List.of("/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib",
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/usr/lib/arm-linux-gnueabihf", "/usr/lib/i386-linux-gnu");
    private static final String COMMAND_LINE_STILL_WORKS =
            " The command line works without a display: see \"broadside --help\".";

    private final String osName;
    private final Map<String, String> env;
    private final List<Path> libraryFolders;
    /** -Dglass.platform: Monocle (headless) needs neither a display nor GTK. */
    private final String glassPlatform;

    public DesktopProblem(String osName, Map<String, String> env, List<Path> libraryFolders, String glassPlatform) {
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.env = env;
        this.libraryFolders = libraryFolders;
        this.glassPlatform = glassPlatform;
    }

    /** The problem of this process's system. */
    public static DesktopProblem ofThisSystem() {
        List<Path> folders = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) for (String f : ld.split(File.pathSeparator)) if (!f.isBlank()) folders.add(Path.of(f));
        LIBRARY_FOLDERS.forEach(f -> folders.add(Path.of(f)));
        return new DesktopProblem(System.getProperty("os.name", ""), System.getenv(), folders, System.getProperty("glass.platform"));
    }

    /** Known before JavaFX starts: on Linux, no X11 or Wayland display to open a window on. */
    public Optional<String> beforeStart() {
        if (!linuxDesktop()) return Optional.empty();
        if (blank("DISPLAY") && blank("WAYLAND_DISPLAY")) {
            return Optional.of("The desktop app needs a graphical display, and none is set (DISPLAY and WAYLAND_DISPLAY are"
                    + " empty): start it from a desktop session, or use ssh -X." + COMMAND_LINE_STILL_WORKS);
        }
        return Optional.empty();
    }

    /**
     * The sentence for JavaFX refusing to start its graphics (it throws UnsupportedOperationException): missing GTK 3
     * libraries if we cannot find them, else a display that could not be opened.
     */
    public String afterFailedStart(Throwable failure) {
        if (linuxDesktop() && !gtk3Installed()) {
            return "The desktop app needs the GTK 3 libraries, which are not installed: install the package libgtk-3-0"
                    + " (libgtk-3-0t64 on newer Debian and Ubuntu) or gtk3 (Fedora, openSUSE), then start it again."
                    + COMMAND_LINE_STILL_WORKS;
        }
        String display = !blank("WAYLAND_DISPLAY") ? env.get("WAYLAND_DISPLAY") : env.get("DISPLAY");
        return "The desktop app could not open a window" + (display == null || display.isBlank() ? "" : " on the display " + display)
                + " (" + failure.getMessage() + "): check that the display is running and that you may use it."
                + COMMAND_LINE_STILL_WORKS;
    }

    /**
     * The exception JavaFX throws when its graphics cannot start (an UnsupportedOperationException thrown by its glass
     * windowing layer), found anywhere in the cause chain; empty for any other error, such as a bug of the app's own.
     */
    public static Optional<Throwable> graphicsFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && thrownByGlass(t)) return Optional.of(t);
        }
        return Optional.empty();
    }

    private static boolean thrownByGlass(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 6); i++) {
            if (frames[i].getClassName().startsWith("com.sun.glass.")) return true;
        }
        return false;
    }

    boolean gtk3Installed() {
        for (Path folder : libraryFolders) {
            if (Files.isRegularFile(folder.resolve("libgtk-3.so.0"))) return true;
        }
        return false;
    }

    private boolean linuxDesktop() {
        boolean headless = glassPlatform != null && glassPlatform.equalsIgnoreCase("Monocle");
        return !headless && osName.contains("linux");
    }

    private boolean blank(String variable) {
        String v = env.get(variable);
        return v == null || v.isBlank();
    }
}
