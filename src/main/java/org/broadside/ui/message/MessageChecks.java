package org.broadside.ui.message;

import org.broadside.campaign.Campaign;
import org.broadside.merge.Preflight;
import org.broadside.merge.PreflightIssue;
import org.broadside.merge.Severity;
import org.broadside.merge.TemplateMode;
import org.broadside.merge.TemplateSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The checks the Message tab shows as you type: template errors, unknown fields, unsubscribe and size. */
public final class MessageChecks {
    /** Gmail clips an HTML body beyond this size and hides the rest behind a link. */
    static final int CLIP_BYTES = 102 * 1024;

    private MessageChecks() {}

    public static List<CheckLine> check(Campaign c, Set<String> listFields) {
        Map<String, TemplateSource> parts = new LinkedHashMap<>();
        add(parts, "from", c.from(), TemplateMode.HEADER);
        add(parts, "subject", c.subject(), TemplateMode.HEADER);
        add(parts, "text", c.text(), TemplateMode.TEXT);
        add(parts, "html", c.html(), TemplateMode.HTML);
        List<CheckLine> out = new ArrayList<>();
        for (PreflightIssue i : Preflight.check(parts, listFields).issues()) {
            out.add(new CheckLine(i.severity(), i.part(), i.line(), i.column(), i.message()));
        }
        if (blank(c.subject())) out.add(new CheckLine(Severity.WARNING, "subject", 0, 0, "The subject is empty."));
        if (blank(c.from())) out.add(new CheckLine(Severity.ERROR, "from", 0, 0, "The From address is missing."));
        if (blank(c.text()) && blank(c.html())) out.add(new CheckLine(Severity.ERROR, "text", 0, 0, "The message has no body."));
        boolean hasLink = mentionsUnsubscribe(c.text()) || mentionsUnsubscribe(c.html());
        boolean optedOut = c.unsubscribe() != null && c.unsubscribe().none();
        if (!hasLink && !optedOut) {
            out.add(new CheckLine(Severity.WARNING, "unsubscribe", 0, 0,
                    "No unsubscribe link: add [Unsubscribe] to the message so recipients can opt out."));
        }
        int size = bytes(c.html());
        if (size > CLIP_BYTES) {
            out.add(new CheckLine(Severity.WARNING, "html", 0, 0, String.format(Locale.ROOT,
                    "The HTML is %d KB; Gmail clips messages over 102 KB.", size / 1024)));
        }
        return out;
    }

    private static void add(Map<String, TemplateSource> parts, String name, String src, TemplateMode mode) {
        if (!blank(src)) parts.put(name, new TemplateSource(src, mode));
    }

    private static boolean mentionsUnsubscribe(String s) {
        return s != null && s.toLowerCase(Locale.ROOT).contains("[unsubscribe");
    }

    private static int bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
