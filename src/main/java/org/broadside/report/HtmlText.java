package org.broadside.report;

/** Escapes text for HTML and SVG content and attributes (recipient domains and server replies are not trusted). */
final class HtmlText {
    private HtmlText() {}

    static String escape(String s) {
        return org.broadside.mime.HtmlEntities.escape(s);
    }
}
