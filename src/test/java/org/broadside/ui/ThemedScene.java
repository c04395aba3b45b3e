package org.broadside.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import org.broadside.ui.shell.Theme;
import org.testfx.api.FxRobot;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a layout test needs to see what users see: the app's theme (headless, JavaFX's defaults gave list cells and
 * fonts other sizes, and hid squeezed lists), and the checks those tests share.
 */
public final class ThemedScene {
    private ThemedScene() {}

    /** The light theme's user-agent stylesheet. */
    public static String lightTheme() {
        return ThemedScene.class.getResource("/atlantafx/base/theme/primer-light.css").toExternalForm();
    }

    /** Puts the app's theme and stylesheet on the scene. Call on the FX thread. */
    public static void apply(Scene scene) {
        scene.setUserAgentStylesheet(lightTheme());
        if (!scene.getStylesheets().contains(Theme.appStylesheet())) scene.getStylesheets().add(Theme.appStylesheet());
    }

    /**
     * The theme on the scene of the node that {@code query} finds, in a window of this size (TestFX hands every test
     * the same stage: its size is whatever the last test left).
     */
    public static void applyInWindow(FxRobot robot, String query, double width, double height) {
        robot.interact(() -> {
            Scene scene = robot.lookup(query).query().getScene();
            apply(scene);
            scene.getWindow().setWidth(width);
            scene.getWindow().setHeight(height);
        });
    }

    /** Whether a scroll bar of this orientation shows inside the node (a list's, a text area's). */
    public static boolean showsScrollBar(Node node, javafx.geometry.Orientation orientation) {
        return node.lookupAll(".scroll-bar").stream().map(javafx.scene.control.ScrollBar.class::cast)
                .anyMatch(b -> b.getOrientation() == orientation && b.isVisible());
    }

    /** Each filled cell of the list is about one line of its font high (the theme's cells were nearly three). */
    public static void assertOneLinePerCell(FxRobot robot, Node list, String sampleLine) {
        List<ListCell<?>> cells = robot.from(list).lookup(".list-cell").queryAll().stream()
                .<ListCell<?>>map(n -> (ListCell<?>) n).filter(c -> !c.isEmpty() && c.getItem() != null).toList();
        assertThat(cells).as("filled cells").isNotEmpty();
        Text one = new Text(sampleLine);
        one.setFont(cells.get(0).getFont());
        double line = one.getLayoutBounds().getHeight();
        assertThat(cells).allSatisfy(c -> assertThat(c.getHeight()).as("a cell's height").isLessThan(line * 1.9));
    }
}
