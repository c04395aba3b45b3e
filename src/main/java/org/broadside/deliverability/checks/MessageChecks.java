package org.broadside.deliverability.checks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of the message itself that affect filtering: size (Gmail clips over about 102 KB), images without alt
 * text, a missing text part, no postal address (CAN-SPAM), and links (plain http, visible URL differing from the
 * target).
 */
public final class MessageChecks {
    /** Gmail shows "[Message clipped]" above this size. */
    public static final long GMAIL_CLIP_BYTES = 102 * 1024;

    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALT = Pattern.compile("\\balt\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile(
            "<a\\b[^>]*?\\bhref\\s*=\\s*([\"'])(.*?)\\1[^>]*>(.*?)</a\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private MessageChecks() {
    }

    /** {@code html} or {@code text} may be null; {@code sizeBytes} is the size of one composed message. */
    public static List<DomainCheck> check(String html, String text, long sizeBytes) {
        List<DomainCheck> out = new ArrayList<>();
        out.add(size(sizeBytes));
        if (html != null && !html.isBlank()) {
            out.add(images(html));
            out.add(textPart(text));
            out.add(links(html));
        }
        out.add(PostalAddress.check(text != null && !text.isBlank() ? text : html == null ? "" : TAG.matcher(html).replaceAll(" ")));
        return out;
    }

    private static DomainCheck size(long bytes) {
        long kb = (bytes + 1023) / 1024;
        if (bytes > GMAIL_CLIP_BYTES) {
            return DomainCheck.warn("Size", "the message is " + kb + " KB; Gmail clips messages over 102 KB and hides the rest,"
                    + " including the unsubscribe link", "shorten the HTML, link to large content, move images to a web server");
        }
        return DomainCheck.pass("Size", "the message is " + kb + " KB, under Gmail's 102 KB clipping limit");
    }

    private static DomainCheck images(String html) {
        int total = 0;
        int missing = 0;
        Matcher m = IMG.matcher(html);
        while (m.find()) {
            total++;
            if (!ALT.matcher(m.group()).find()) {
                missing++;
            }
        }
        if (missing > 0) {
            return DomainCheck.warn("Images", missing + " of " + total + " images have no alt text",
                    "add alt=\"...\" to every image; many readers see the message with images blocked");
        }
        return DomainCheck.pass("Images", total == 0 ? "no images" : "all " + total + " images have alt text");
    }

    private static DomainCheck textPart(String text) {
        if (text == null || text.isBlank()) {
            return DomainCheck.warn("Text part", "the message has HTML but no plain-text part; spam filters score that",
                    "add a text version (or let Broadside derive one from the HTML)");
        }
        return DomainCheck.pass("Text part", "the message has a plain-text part");
    }

    private static DomainCheck links(String html) {
        int total = 0;
        List<String> plain = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            String href = m.group(2).trim();
            String lower = href.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                continue;
            }
            total++;
            if (lower.startsWith("http://")) {
                plain.add(href);
            }
            String visible = TAG.matcher(m.group(3)).replaceAll("").trim();
            String shownHost = host(visible);
            String targetHost = host(href);
            if (shownHost != null && targetHost != null && !sameSite(shownHost, targetHost)) {
                mismatched.add("\"" + visible + "\" goes to " + targetHost);
            }
        }
        if (!mismatched.isEmpty()) {
            return DomainCheck.warn("Links", mismatched.size() + " of " + total + " links show one address and go to another ("
                    + String.join("; ", mismatched) + "); filters treat that as phishing",
                    "make the visible text plain words, or the same address as the link");
        }
        if (!plain.isEmpty()) {
            return DomainCheck.warn("Links", plain.size() + " of " + total + " links use http instead of https",
                    "use https:// links");
        }
        return DomainCheck.pass("Links", total == 0 ? "no web links" : total + " links, all https");
    }

    /** The host of text that looks like a URL ("https://x", "www.x.com/..."), else null. */
    static String host(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        if (t.startsWith("www.")) {
            t = "http://" + t;
        }
        if (!t.startsWith("http://") && !t.startsWith("https://") || t.contains(" ")) {
            return null;
        }
        try {
            String h = URI.create(t).getHost();
            return h == null ? null : h.startsWith("www.") ? h.substring(4) : h;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean sameSite(String shown, String target) {
        return OrganizationalDomain.of(shown).equals(OrganizationalDomain.of(target));
    }
}
