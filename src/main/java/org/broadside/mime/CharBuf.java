package org.broadside.mime;

import java.util.Arrays;

/** A minimal char buffer: bulk copies are plain array copies, which StringBuilder does char by char on Java 17. */
final class CharBuf {
    private char[] buf;
    private int len;

    CharBuf(int capacity) {
        buf = new char[Math.max(16, capacity)];
    }

    int length() {
        return len;
    }

    char charAt(int i) {
        return buf[i];
    }

    void setCharAt(int i, char c) {
        buf[i] = c;
    }

    void setLength(int length) {
        len = length;
    }

    CharBuf append(char c) {
        ensure(1);
        buf[len++] = c;
        return this;
    }

    CharBuf append(char[] src, int from, int to) {
        int n = to - from;
        ensure(n);
        if (n < 16) {
            // words are short: a plain loop beats the call overhead of arraycopy
            char[] b = buf;
            int p = len;
            for (int i = from; i < to; i++) {
                b[p++] = src[i];
            }
            len = p;
        } else {
            System.arraycopy(src, from, buf, len, n);
            len += n;
        }
        return this;
    }

    CharBuf append(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = s.charAt(i);
        }
        return this;
    }

    String substring(int from) {
        return new String(buf, from, len - from);
    }

    @Override
    public String toString() {
        return new String(buf, 0, len);
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
