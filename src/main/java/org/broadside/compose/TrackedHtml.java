package org.broadside.compose;

import org.broadside.unsubscribe.RecipientToken;
import org.broadside.unsubscribe.RecipientTokens;

import java.util.Locale;

/**
 * Opt-in tracking of one recipient's HTML (issue 16): every http(s) link of an {@code <a href>} goes through the
 * Broadside server's {@code /c/<sealed link>} (the URL travels sealed, so the server redirects only to links Broadside
 * put there), and an open pixel {@code /o/<token>} goes before {@code </body>}. The unsubscribe link and mailto links
 * are left alone. Runs only for campaigns that ask for tracking; others never reach it.
 */
final class TrackedHtml {
    private final RecipientTokens tokens;
    private final String serverBase;
    private final boolean opens;
    private final boolean clicks;

    TrackedHtml(RecipientTokens tokens, String serverBase, boolean opens, boolean clicks) {
        this.tokens = tokens;
        this.serverBase = serverBase;
        this.opens = opens;
        this.clicks = clicks;
    }

    String apply(String html, RecipientToken who) {
        if (html == null) return null;
        String out = clicks ? rewriteLinks(html, who) : html;
        if (!opens) return out;
        String pixel = "<img src=\"" + serverBase + "/o/" + tokens.seal(who) + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">";
        int body = out.toLowerCase(Locale.ROOT).lastIndexOf("</body");
        return body < 0 ? out + pixel : out.substring(0, body) + pixel + out.substring(body);
    }

    private String rewriteLinks(String html, RecipientToken who) {
        String lower = html.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(html.length() + 256);
        int from = 0;
        int index = 0;
        for (int a = lower.indexOf("<a", 0); a >= 0; a = lower.indexOf("<a", a + 2)) {
            if (a + 2 >= lower.length() || !Character.isWhitespace(lower.charAt(a + 2))) continue;
            int end = lower.indexOf('>', a);
            if (end < 0) break;
            int href = lower.indexOf("href", a);
            if (href < 0 || href > end) continue;
            int eq = skipSpaces(lower, href + 4);
            if (eq >= end || lower.charAt(eq) != '=') continue;
            int v = skipSpaces(lower, eq + 1);
            char quote = html.charAt(v);
            if (quote != '"' && quote != '\'') continue;
            int close = html.indexOf(quote, v + 1);
            if (close < 0 || close > end) continue;
            String url = html.substring(v + 1, close).replace("&amp;", "&").strip();
            String u = url.toLowerCase(Locale.ROOT);
            if (!(u.startsWith("http://") || u.startsWith("https://")) || url.startsWith(serverBase + "/u/")) continue;
            sb.append(html, from, v + 1).append(serverBase).append("/c/").append(tokens.sealLink(who, ++index, url));
            from = close;
        }
        return sb.append(html, from, html.length()).toString();
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }
}
