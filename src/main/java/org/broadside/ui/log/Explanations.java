package org.broadside.ui.log;

import org.broadside.log.ConnectFailureExplainer;
import org.broadside.log.Explanation;
import org.broadside.log.ReplyExplainer;

/** The log viewer's explainer: the shared reply explanations, worded for one line of the log. */
public final class Explanations {
    private Explanations() {}

    public static String explain(int code, String enhancedCode, String text) {
        Explanation e = ReplyExplainer.explain(code, enhancedCode, text);
        return e == null ? null : e.meaning() + " — " + e.advice();
    }

    /** The explanation of an INFO line of the log (a connection that could not be opened), or null for other lines. */
    public static String explainInfo(String infoLine) {
        Explanation e = ConnectFailureExplainer.explainInfoLine(infoLine);
        return e == null ? null : e.meaning() + " — " + e.advice();
    }
}
