package org.broadside.ui.message;

import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.web.HTMLEditor;
import javafx.scene.web.WebView;

import org.broadside.compose.EmailHtml;

import java.util.function.Consumer;

/**
 * Editing commands of the visual HTML editor that its toolbar lacks or its keyboard ignores: Ctrl+B, Ctrl+I, Ctrl+U,
 * Ctrl+K (link), and inserting text or HTML at the caret. They run as the browser's own editing commands, so undo and
 * the toolbar's toggles follow them.
 */
final class VisualEditorCommands {
    private final HTMLEditor editor;

    VisualEditorCommands(HTMLEditor editor) {
        this.editor = editor;
    }

    /**
     * Installs the shortcuts; askLink is called for Ctrl+K and hands the chosen URL to its callback, if any.
     * The filter runs before the editor's own key handling, which on some systems swallows these keys.
     */
    void installShortcuts(Consumer<Consumer<String>> askLink) {
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() || e.isAltDown()) return;
            KeyCode code = e.getCode();
            if (code == KeyCode.V && !e.isShiftDown() && pasteCleaned()) {
                e.consume();
                return;
            }
            // Tags rather than CSS spans: <b> survives every mail client and reads better in the source.
            if (code == KeyCode.B || code == KeyCode.I || code == KeyCode.U) run("styleWithCSS", "false");
            if (code == KeyCode.B) run("bold", null);
            else if (code == KeyCode.I) run("italic", null);
            else if (code == KeyCode.U) run("underline", null);
            else if (code == KeyCode.K) askLink.accept(this::link);
            else return;
            e.consume();
        });
    }

    /**
     * Pastes HTML from the clipboard cleaned (Word's mso- styles and o:p, Google's wrappers), instead of the browser's
     * paste that keeps them. Only Ctrl+V can be intercepted; the context menu's Paste is cleaned on the next read.
     */
    private boolean pasteCleaned() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (!clipboard.hasHtml()) return false;
        String fragment = EmailHtml.cleanFragment(clipboard.getHtml());
        if (fragment.isEmpty()) return false;
        insertHtml(fragment);
        return true;
    }

    /** Makes the selection a link to url, or inserts the URL as a link when nothing is selected. */
    void link(String url) {
        focus();
        String js = "(function(u){var s=window.getSelection();"
                + "if(s.rangeCount>0&&!s.isCollapsed){document.execCommand('createLink',false,u);}"
                + "else{var a=document.createElement('a');a.href=u;a.textContent=u;"
                + "document.execCommand('insertHTML',false,a.outerHTML);}})(" + jsString(url) + ")";
        execute(js);
    }

    void insertText(String text) {
        focus();
        run("insertText", text);
    }

    void insertHtml(String html) {
        focus();
        run("insertHTML", html);
    }

    private void run(String command, String argument) {
        execute("document.execCommand('" + command + "', false, " + (argument == null ? "null" : jsString(argument)) + ")");
    }

    private void execute(String script) {
        WebView view = webView();
        if (view != null) view.getEngine().executeScript(script);
    }

    private void focus() {
        WebView view = webView();
        if (view != null) view.requestFocus();
    }

    private WebView webView() {
        return editor.lookup(".web-view") instanceof WebView w ? w : null;
    }

    /** A JavaScript string literal: the URL or field may hold quotes, backslashes or line breaks. */
    static String jsString(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\'' -> sb.append("\\'");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '<' -> sb.append("\\x3c");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('\'').toString();
    }
}
