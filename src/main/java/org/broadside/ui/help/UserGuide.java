package org.broadside.ui.help;

import java.net.URI;
import java.net.URL;
import java.util.Objects;

/** Where the bundled user guide is, and which links in it leave it (those open in the system's browser). */
public final class UserGuide {
    private UserGuide() {}

    /** The guide: one HTML page inside the application, with a table of contents and an anchor per section. */
    public static URL page() {
        return Objects.requireNonNull(UserGuide.class.getResource("/org/broadside/ui/help/guide.html"), "the user guide is missing");
    }

    /** True for a web or mail link; anchors and the guide itself stay in the window. */
    public static boolean isExternal(String location) {
        if (location == null || location.isBlank()) return false;
        int colon = location.indexOf(':');
        String scheme = colon < 0 ? "" : location.substring(0, colon);
        return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("mailto");
    }
}
