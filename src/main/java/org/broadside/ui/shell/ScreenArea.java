package org.broadside.ui.shell;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A rectangle on the desktop, in the same units as a window's position: a screen's bounds or a window's. */
public record ScreenArea(double x, double y, double width, double height) {
    private static final double FRAME_MARGIN = 40;

    /**
     * The name of a screen layout, from its screens' sizes left to right: "1280x800", "1920x1080+1280x1024". A window
     * remembers its place per layout, so docking a laptop does not reuse the place it had on the big screen.
     */
    public static String layoutKey(List<ScreenArea> screens) {
        return screens.stream().sorted(Comparator.comparingDouble(ScreenArea::x).thenComparingDouble(ScreenArea::y))
                .map(s -> Math.round(s.width) + "x" + Math.round(s.height)).collect(Collectors.joining("+"));
    }

    /** The overlap of two areas; zero width or height when they do not meet. */
    ScreenArea intersection(ScreenArea o) {
        double left = Math.max(x, o.x);
        double top = Math.max(y, o.y);
        double right = Math.min(x + width, o.x + o.width);
        double bottom = Math.min(y + height, o.y + o.height);
        return new ScreenArea(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    }

    /**
     * This area moved {@code offset} right and down (a second window of a kind, so it does not hide the first) and
     * kept inside {@code screen}: a window that filled most of a laptop screen ran off its bottom edge, status bar and
     * all. It gives up size rather than the offset, keeping the first window's margins to the screen's right and bottom
     * edges (up to {@value #FRAME_MARGIN}: the window manager's frame may need them), down to half the screen; below that
     * it starts at the top left.
     */
    public ScreenArea cascadedWithin(ScreenArea screen, double offset) {
        double nx = x + offset;
        double ny = y + offset;
        double right = Math.min(FRAME_MARGIN, Math.max(0, screen.x + screen.width - (x + width)));
        double bottom = Math.min(FRAME_MARGIN, Math.max(0, screen.y + screen.height - (y + height)));
        double w = Math.min(width, screen.x + screen.width - right - nx);
        double h = Math.min(height, screen.y + screen.height - bottom - ny);
        if (w < Math.min(width, screen.width / 2) || h < Math.min(height, screen.height / 2)) {
            return new ScreenArea(screen.x, screen.y, Math.min(width, screen.width), Math.min(height, screen.height));
        }
        return new ScreenArea(nx, ny, w, h);
    }

    /** This size, shrunk to fit and centred in {@code screen}. */
    public ScreenArea centredIn(ScreenArea screen) {
        double w = Math.min(width, screen.width);
        double h = Math.min(height, screen.height);
        return new ScreenArea(screen.x + (screen.width - w) / 2, screen.y + (screen.height - h) / 2, w, h);
    }
}
