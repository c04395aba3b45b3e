package org.broadside.ui.common;

import org.broadside.compose.CheckLine;
import org.broadside.merge.Severity;

/**
 * A pre-send finding in the window's words. The check's own text names the campaign file's keys, which is right on
 * the command line; in the window the user needs the control to use. Chosen by the finding's part and severity
 * (stable identifiers), never by its wording; findings without a window wording keep the check's text.
 */
public final class CheckWords {
    private CheckWords() {}

    public static String of(CheckLine line) {
        if ("unsubscribe".equals(line.part()) && line.severity() == Severity.ERROR) {
            return "no unsubscribe method: on the Settings tab, fill in \"Unsubscribe mailto\" or \"Unsubscribe URL\" "
                    + "(https, with [Token]), or tick \"Send without an unsubscribe method\"";
        }
        return line.message();
    }
}
