package org.broadside.ui.shell;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a window was and how big, as the user last left it. The bounds are those of the normal (not maximised)
 * window, so un-maximising after a restore gives back the user's own size.
 */
public record WindowPlacement(ScreenArea bounds, boolean maximized) {
    /** A window counts as reachable when this much of its title bar is on a screen: enough to grab and drag it. */
    static final double GRAB_WIDTH = 100;
    static final double TITLE_HEIGHT = 30;

    /** "x,y,width,height,maximized", for the properties file. */
    public String format() {
        return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%s", bounds.x(), bounds.y(), bounds.width(), bounds.height(),
                maximized ? "maximized" : "normal");
    }

    /** The placement written by {@link #format()}, or empty for anything else (a hand-edited or damaged line). */
    public static Optional<WindowPlacement> parse(String text) {
        if (text == null) return Optional.empty();
        String[] p = text.strip().split(",");
        if (p.length != 5 || !(p[4].equals("maximized") || p[4].equals("normal"))) return Optional.empty();
        try {
            ScreenArea b = new ScreenArea(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                    Double.parseDouble(p[2]), Double.parseDouble(p[3]));
            if (b.width() <= 0 || b.height() <= 0) return Optional.empty();
            return Optional.of(new WindowPlacement(b, p[4].equals("maximized")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the window would be reachable on these screens (their visual bounds): a strip of its title bar at least
     * {@value #GRAB_WIDTH} wide (or the whole width of a narrower window) lies on one screen.
     */
    public boolean isVisibleOn(List<ScreenArea> screens) {
        ScreenArea titleBar = new ScreenArea(bounds.x(), bounds.y(), bounds.width(), Math.min(TITLE_HEIGHT, bounds.height()));
        double wanted = Math.min(GRAB_WIDTH, bounds.width());
        return screens.stream().map(titleBar::intersection)
                .anyMatch(i -> i.width() >= wanted && i.height() >= titleBar.height());
    }
}
