package org.broadside.ui.common;

import javafx.event.EventHandler;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Ctrl+W (Cmd+W on a Mac) closes a tool window (the connection log, the list manager, the accounts), as it closes a
 * campaign window from its File menu; without it the title bar's X was the only way. The window's close request is
 * asked first, as the X asks it, so a window that must confirm can still refuse.
 */
public final class CloseShortcut {
    public static final KeyCombination KEYS = KeyCombination.keyCombination("Shortcut+W");

    private CloseShortcut() {}

    /** Installs the shortcut on the stage's scene (call once the scene is set). */
    public static void install(Stage stage) {
        stage.getScene().getAccelerators().put(KEYS, () -> close(stage));
    }

    static void close(Stage stage) {
        EventHandler<WindowEvent> ask = stage.getOnCloseRequest();
        if (ask != null) {
            WindowEvent request = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
            ask.handle(request);
            if (request.isConsumed()) return;
        }
        stage.close();
    }
}
