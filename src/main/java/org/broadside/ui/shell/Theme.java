package org.broadside.ui.shell;

import javafx.application.Application;

import java.util.prefs.Preferences;

/** Light or dark, applied to the whole app and remembered between starts. */
public final class Theme {
    private static final Preferences PREFS = Preferences.userNodeForPackage(Theme.class);
    private static boolean dark = PREFS.getBoolean("dark", false);

    private Theme() {}

    public static void apply() {
        // The AtlantaFX stylesheets are used by resource name: its classes are compiled for Java 21, the app targets 17.
        Application.setUserAgentStylesheet(stylesheet(dark ? "primer-dark.css" : "primer-light.css"));
    }

    public static boolean isDark() { return dark; }

    public static void setDark(boolean value) {
        dark = value;
        PREFS.putBoolean("dark", value);
        apply();
    }

    private static String stylesheet(String name) {
        return java.util.Objects.requireNonNull(Theme.class.getResource("/atlantafx/base/theme/" + name), name).toExternalForm();
    }

    /** The app's own additions on top of AtlantaFX. */
    public static String appStylesheet() {
        return Theme.class.getResource("/org/broadside/ui/broadside.css").toExternalForm();
    }
}
