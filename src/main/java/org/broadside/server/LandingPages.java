package org.broadside.server;

/**
 * The HTML of the landing page's states. Small, accessible (real headings, a labelled form, a visible focus ring,
 * the page's language declared), readable on a phone (viewport, fluid width), and with no script at all. Every
 * value that came from outside is HTML-escaped; the style sheet only holds validated colours.
 */
final class LandingPages {
    private LandingPages() {}

    /** What the page shows. */
    enum State { QUESTION, DONE, UNDONE }

    static String page(State state, PageTexts t, PageStyle style, String senderName, String maskedAddress, String formAction,
                       String csrf, String nonce) {
        String name = senderName == null ? t.theseEmails() : senderName;
        String heading;
        String detail;
        String button;
        String action;
        switch (state) {
            case QUESTION -> {
                heading = PageTexts.fill(t.question(), name, maskedAddress);
                detail = null;
                button = t.button();
                action = formAction + "/confirm";
            }
            case DONE -> {
                heading = t.done();
                detail = PageTexts.fill(t.doneDetail(), name, maskedAddress);
                button = t.undo();
                action = formAction + "/undo";
            }
            default -> {
                heading = t.undone();
                detail = PageTexts.fill(t.undoneDetail(), name, maskedAddress);
                button = t.again();
                action = formAction + "/confirm";
            }
        }
        StringBuilder b = head(t.lang(), t.title() + (senderName == null ? "" : " – " + senderName), style, nonce);
        b.append("<main><p class=\"sender\">").append(escape(name)).append("</p><h1>").append(escape(heading)).append("</h1>");
        if (detail != null) b.append("<p>").append(escape(detail)).append("</p>");
        b.append("<form method=\"post\" action=\"").append(escape(action)).append("\">")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(csrf)).append("\">")
                .append("<button type=\"submit\" class=\"").append(state == State.DONE ? "secondary" : "primary").append("\">")
                .append(escape(button)).append("</button></form></main></body></html>");
        return b.toString();
    }

    static String notFound(PageTexts t, PageStyle style, String nonce) {
        return head(t.lang(), t.notFound(), style, nonce).append("<main><h1>").append(escape(t.notFound())).append("</h1><p>")
                .append(escape(t.notFoundDetail())).append("</p></main></body></html>").toString();
    }

    private static StringBuilder head(String lang, String title, PageStyle style, String nonce) {
        return new StringBuilder(2048).append("<!DOCTYPE html><html lang=\"").append(lang).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
                .append("<title>").append(escape(title)).append("</title><style nonce=\"").append(nonce).append("\">")
                .append("body{margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:").append(style.background())
                .append(";color:#1b1b1b;line-height:1.5}main{max-width:32rem;margin:10vh auto;padding:2rem 1.5rem;background:#fff;")
                .append("border-radius:12px;box-shadow:0 1px 4px rgba(0,0,0,.12)}.sender{margin:0 0 .5rem;font-weight:600;color:")
                .append(style.color()).append("}h1{font-size:1.4rem;margin:0 0 1rem}button{font:inherit;font-size:1.05rem;padding:.7rem 1.4rem;")
                .append("border-radius:8px;cursor:pointer;min-height:44px}button.primary{background:").append(style.color())
                .append(";color:#fff;border:2px solid ").append(style.color()).append("}button.secondary{background:#fff;color:").append(style.color())
                .append(";border:2px solid ").append(style.color()).append("}button:focus-visible{outline:3px solid #000;outline-offset:2px}")
                .append("</style></head><body>");
    }

    static String escape(String s) {
        return org.broadside.mime.HtmlEntities.escape(s);
    }
}
