package org.broadside.merge;

import org.broadside.mime.HtmlEntities;

/**
 * Reads a template one character at a time. In HTML mode it decodes entities on the fly, because WYSIWYG
 * editors store {@code <IF [[a]] = "x">} as {@code &lt;IF [[a]] = &quot;x&quot;&gt;}; both must parse alike.
 */
final class SourceCursor {
    static final int END = -1;

    private final String source;
    private final boolean decodeEntities;
    private int pos;
    private int width;

    SourceCursor(String source, boolean decodeEntities, int pos) {
        this.source = source;
        this.decodeEntities = decodeEntities;
        this.pos = pos;
    }

    int pos() {
        return pos;
    }

    void moveTo(int newPos) {
        pos = newPos;
    }

    /** Moves back (or on) to newPos and returns this, for trying alternatives from one place. */
    SourceCursor at(int newPos) {
        pos = newPos;
        return this;
    }

    /** The decoded character at the cursor, or END. */
    int peek() {
        if (pos >= source.length()) {
            width = 0;
            return END;
        }
        char c = source.charAt(pos);
        width = 1;
        if (c == '&' && decodeEntities) {
            int decoded = HtmlEntities.decodeChar(source, pos);
            if (decoded >= 0) {
                width = HtmlEntities.length(source, pos);
                return decoded;
            }
        }
        return c;
    }

    void next() {
        peek();
        pos += width;
    }

    /** Consumes the ASCII keyword case-insensitively, or leaves the cursor where it was. */
    boolean match(String keyword) {
        int start = pos;
        for (int i = 0; i < keyword.length(); i++) {
            int c = peek();
            if (c == END || Character.toUpperCase(c) != Character.toUpperCase(keyword.charAt(i))) {
                pos = start;
                return false;
            }
            next();
        }
        return true;
    }

    /** True when the next character cannot continue a word, so "<IF" is not read out of "<IFRAME". */
    boolean atWordEnd() {
        int c = peek();
        return c == END || !Character.isLetterOrDigit(c);
    }

    void skipSpace() {
        while (isSpace(peek())) {
            next();
        }
    }

    static boolean isSpace(int c) {
        // NBSP counts: editors put &nbsp; between the words of a tag.
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0';
    }
}
