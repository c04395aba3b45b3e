package org.broadside.ui.shell;

import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.util.List;

/**
 * Gives each window the size, position and maximised state it had when it was last closed on the same screen
 * layout, or a default that fits the screen it opens on. The rules (layout key, what counts as visible, the file)
 * live in {@link WindowPlacements} and {@link WindowPlacement}; this class only reads and sets the stage.
 */
public final class WindowMemory {
    /** Another window of the same kind already open: the new one is moved this far down and right. */
    private static final double CASCADE = 30;
    private static final String NAME_KEY = WindowMemory.class.getName();
    private final WindowPlacements placements;

    public WindowMemory(WindowPlacements placements) {
        this.placements = placements;
    }

    /** How big a window opens when it has no remembered place: given the visual bounds of its screen. */
    @FunctionalInterface
    public interface DefaultSize {
        ScreenArea on(ScreenArea screen);

        /** A share of the screen, centred: the document windows, whose editors need the room. */
        static DefaultSize shareOfScreen(double share) {
            return s -> new ScreenArea(0, 0, s.width() * share, s.height() * share).centredIn(s);
        }

        /**
         * A share of the screen, but not less than {@code minWidth} x {@code minHeight} where the screen has room: on a
         * 1280x800 laptop 80% would leave the forms cramped and a fifth of the screen unused.
         */
        static DefaultSize shareOfScreen(double share, double minWidth, double minHeight) {
            return s -> new ScreenArea(0, 0, Math.max(s.width() * share, Math.min(minWidth, s.width() * 0.95)),
                    Math.max(s.height() * share, Math.min(minHeight, s.height() * 0.95))).centredIn(s);
        }

        /** A fixed size, centred, shrunk to fit a smaller screen (with a margin, so its edges stay reachable). */
        static DefaultSize fixed(double width, double height) {
            return s -> new ScreenArea(0, 0, Math.min(width, s.width() * 0.95), Math.min(height, s.height() * 0.95)).centredIn(s);
        }
    }

    /**
     * Places {@code stage} (before it is shown) and remembers its place under {@code name} when it is closed. Call
     * once per stage.
     */
    public void remember(Stage stage, String name, DefaultSize defaultSize) {
        WindowPlacement start = placements.find(layout(), name).filter(p -> p.isVisibleOn(visualBounds()))
                .orElseGet(() -> new WindowPlacement(defaultSize.on(area(screenForNewWindow().getVisualBounds())), false));
        ScreenArea b = cascaded(start.bounds(), name);
        stage.getProperties().put(NAME_KEY, name);
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        if (start.maximized()) stage.setMaximized(true);
        // Some window managers (seen with GTK under openbox) shrink a new window to its minimum size a moment after
        // mapping it, whatever size was asked for; asking again then is honoured. So for a short while after it is
        // shown, a shrink the user did not make is undone (a couple of times at most, so it can never fight the user).
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            if (stage.isMaximized()) return;
            long until = System.nanoTime() + 1_500_000_000L;
            int[] undone = {0};
            InvalidationListener[] keep = new InvalidationListener[1];
            keep[0] = o -> {
                if (System.nanoTime() > until || undone[0] >= 2 || stage.isMaximized()) {
                    stage.widthProperty().removeListener(keep[0]);
                    stage.heightProperty().removeListener(keep[0]);
                } else if (shrunkToMinimum(stage, b)) {
                    undone[0]++;
                    javafx.application.Platform.runLater(() -> {
                        stage.setWidth(b.width());
                        stage.setHeight(b.height());
                    });
                }
            };
            stage.widthProperty().addListener(keep[0]);
            stage.heightProperty().addListener(keep[0]);
        });
        // The normal bounds are followed while the window is not maximised, so un-maximising next time restores them.
        ScreenArea[] normal = {b};
        InvalidationListener follow = o -> {
            if (stage.isShowing() && !stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
                normal[0] = new ScreenArea(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener(follow);
        stage.yProperty().addListener(follow);
        stage.widthProperty().addListener(follow);
        stage.heightProperty().addListener(follow);
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e ->
                placements.put(layout(), name, new WindowPlacement(normal[0], stage.isMaximized())));
    }

    /**
     * The window manager's shrink lands on the stage's minimum size (or GTK's 200x200 without one); a size the user
     * or the program chose lies above it.
     */
    private static boolean shrunkToMinimum(Stage stage, ScreenArea asked) {
        double minW = Math.max(stage.getMinWidth(), 0) + 30;
        double minH = Math.max(stage.getMinHeight(), 0) + 30;
        boolean atMinimum = stage.getWidth() <= Math.max(minW, 240) && stage.getHeight() <= Math.max(minH, 260);
        return atMinimum && (stage.getWidth() < asked.width() - 1 || stage.getHeight() < asked.height() - 1);
    }

    /** Moves a second window of the same kind off the first, so it does not hide it exactly. */
    private static ScreenArea cascaded(ScreenArea b, String name) {
        long open = Window.getWindows().stream().filter(w -> w.isShowing() && name.equals(w.getProperties().get(NAME_KEY))).count();
        if (open == 0) return b;
        Screen screen = Screen.getScreensForRectangle(b.x(), b.y(), b.width(), b.height()).stream().findFirst().orElse(Screen.getPrimary());
        return b.cascadedWithin(area(screen.getVisualBounds()), CASCADE * open);
    }

    /** The screen of the window the user is working in, so a new window opens next to it; else the primary one. */
    private static Screen screenForNewWindow() {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst()
                .flatMap(w -> Screen.getScreensForRectangle(w.getX(), w.getY(), w.getWidth(), w.getHeight()).stream().findFirst())
                .orElse(Screen.getPrimary());
    }

    private static String layout() {
        return ScreenArea.layoutKey(Screen.getScreens().stream().map(s -> area(s.getBounds())).toList());
    }

    private static List<ScreenArea> visualBounds() {
        return Screen.getScreens().stream().map(s -> area(s.getVisualBounds())).toList();
    }

    private static ScreenArea area(Rectangle2D r) {
        return new ScreenArea(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }
}
