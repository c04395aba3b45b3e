package org.broadside.mime;

/** One extra header line (List-Unsubscribe, campaign headers); refuses anything that could inject another header. */
public record Header(String name, String value) {

    public Header {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // RFC 5322 ftext: printable US-ASCII except ':'
            if (c < 33 || c > 126 || c == ':') {
                throw new IllegalArgumentException("header name \"" + printable(name) + "\" contains a character not allowed in a field name");
            }
        }
        if (value == null) {
            throw new IllegalArgumentException("header " + name + " has no value");
        }
        checkValue(name, value);
    }

    /** Refuses CR, LF and NUL in any header value, naming the header. */
    static void checkValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("header " + name + " contains CR, LF or NUL: refused (header injection)");
            }
        }
    }

    private static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
