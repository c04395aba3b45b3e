package org.broadside.deliverability.dkim;

import java.security.MessageDigest;

/** RFC 6376 section 3.4 "relaxed" canonicalization of header fields and bodies. */
final class Canonical {
    private static final byte[] CRLF = {'\r', '\n'};

    private Canonical() {
    }

    /** "Name : folded\r\n  value \r\n" becomes "name:folded value\r\n" (without the CRLF when {@code crlf} is false). */
    static String header(String rawField, boolean crlf) {
        int colon = rawField.indexOf(':');
        String name = rawField.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
        StringBuilder v = new StringBuilder(rawField.length());
        boolean space = false;
        for (int i = colon + 1; i < rawField.length(); i++) {
            char c = rawField.charAt(i);
            if (c == '\r' || c == '\n') {
                continue;
            }
            if (c == ' ' || c == '\t') {
                space = true;
                continue;
            }
            if (space && v.length() > 0) {
                v.append(' ');
            }
            space = false;
            v.append(c);
        }
        return name + ":" + v + (crlf ? "\r\n" : "");
    }

    /**
     * Hashes the relaxed body of {@code msg[from, to)} (CRLF lines): trailing white space dropped, runs of white
     * space made one space, empty lines at the end dropped. Streams through a small buffer, no copy of the body.
     */
    static void body(byte[] msg, int from, int to, MessageDigest digest) {
        byte[] line = new byte[1024];
        int pendingEmpty = 0;
        int i = from;
        while (i < to) {
            int n = 0;
            boolean space = false;
            int end = i;
            while (end < to && !(msg[end] == '\r' && end + 1 < to && msg[end + 1] == '\n')) {
                end++;
            }
            for (int k = i; k < end; k++) {
                byte c = msg[k];
                if (c == ' ' || c == '\t') {
                    space = true;
                    continue;
                }
                if (space) {
                    line = put(line, n++, (byte) ' ');
                    space = false;
                }
                line = put(line, n++, c);
            }
            if (n == 0) {
                pendingEmpty++;
            } else {
                for (; pendingEmpty > 0; pendingEmpty--) {
                    digest.update(CRLF);
                }
                digest.update(line, 0, n);
                digest.update(CRLF);
            }
            i = end + 2;
        }
    }

    private static byte[] put(byte[] buf, int at, byte b) {
        byte[] out = at < buf.length ? buf : java.util.Arrays.copyOf(buf, buf.length * 2);
        out[at] = b;
        return out;
    }

    /** Bare LF (and bare CR) become CRLF, as the SMTP client will send them; returns the input when already clean. */
    static byte[] crlf(byte[] in) {
        int extra = 0;
        for (int i = 0; i < in.length; i++) {
            byte c = in[i];
            if (c == '\n' && (i == 0 || in[i - 1] != '\r') || c == '\r' && (i + 1 == in.length || in[i + 1] != '\n')) {
                extra++;
            }
        }
        if (extra == 0) {
            return in;
        }
        byte[] out = new byte[in.length + extra];
        int o = 0;
        for (int i = 0; i < in.length; i++) {
            byte c = in[i];
            if (c == '\n' && (i == 0 || in[i - 1] != '\r')) {
                out[o++] = '\r';
                out[o++] = '\n';
            } else if (c == '\r' && (i + 1 == in.length || in[i + 1] != '\n')) {
                out[o++] = '\r';
                out[o++] = '\n';
            } else {
                out[o++] = c;
            }
        }
        return out;
    }
}
