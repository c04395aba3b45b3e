package org.broadside.mime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Quoted-printable (RFC 2045) for merged text parts, straight into a reused buffer.
 * Line breaks of any kind become CRLF; the result is 7-bit with lines of at most 76 characters.
 */
final class QuotedPrintable {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX = 75; // plus the '=' of a soft break: 76
    /** 1: always literal, 2: literal unless a line break follows (space, tab), 0: escaped or line break. */
    private static final byte[] CLASS = new byte[256];

    static {
        for (int b = 33; b < 127; b++) {
            CLASS[b] = 1;
        }
        CLASS['='] = 0;
        CLASS[' '] = 2;
        CLASS['\t'] = 2;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private QuotedPrintable() {}

    /** True when all eight bytes are in 0x20..0x7E and none is '=' (bit tricks from "Bit Twiddling Hacks"). */
    static boolean allLiteral(long x) {
        long below = (x - 0x2020202020202020L) & ~x & HIGHS;
        long above = ((x + ONES) | x) & HIGHS;
        long v = x ^ 0x3D3D3D3D3D3D3D3DL;
        long equals = (v - ONES) & ~v & HIGHS;
        return (below | above | equals) == 0;
    }

    /**
     * Encodes {@code n} bytes of {@code in}. Returns false when the output equals the input with
     * CRLF line breaks, so the part can honestly be labelled 7bit instead.
     * {@code terminate} makes the output end with a line break (a soft one if the text has none),
     * which the last part of a single-part message needs.
     */
    static boolean encode(byte[] in, int n, ByteSink sink, boolean terminate) {
        return (encode(in, n, sink, 0, terminate, false) & CHANGED) != 0;
    }

    /** Set in {@link #encode(byte[], int, ByteSink, int, boolean, boolean)}'s result when the output is not the input. */
    static final long CHANGED = 1L << 32;

    /**
     * Encodes {@code n} bytes of {@code in} that start at column {@code startCol} of an output line, so a part can be
     * encoded in pieces (see {@link LiteralQp}). {@code openEnd}: more bytes follow that this call cannot see, so a
     * line start that may become "From " is escaped (trailing whitespace is escaped anyway). Returns the column the
     * output ends at, or'd with {@link #CHANGED} when anything was escaped or soft-broken.
     */
    static long encode(byte[] in, int n, ByteSink sink, int startCol, boolean terminate, boolean openEnd) {
        // Worst case: every byte escaped (3) plus a soft break (3) per 25 bytes.
        sink.ensure(n * 4 + 8);
        byte[] o = sink.buf;
        int p = sink.len;
        int col = startCol;
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            int b = in[i] & 0xFF;
            if (col > 0 && CLASS[b] != 0) {
                // Fast path: copy a run of literal bytes that fits on the current line in one go.
                int limit = Math.min(n, i + MAX - col);
                int j = i;
                // Eight bytes at a time while all are printable ASCII without '='; the last must not be a trailing space.
                while (j + 8 <= limit && allLiteral((long) LONGS.get(in, j))
                        && !(in[j + 7] == ' ' && (j + 8 >= n || in[j + 8] == '\r' || in[j + 8] == '\n'))) {
                    j += 8;
                }
                while (j < limit) {
                    int c = CLASS[in[j] & 0xFF];
                    if (c == 1 || (c == 2 && j + 1 < n && in[j + 1] != '\r' && in[j + 1] != '\n')) {
                        j++;
                    } else {
                        break;
                    }
                }
                if (j > i) {
                    System.arraycopy(in, i, o, p, j - i);
                    p += j - i;
                    col += j - i;
                    i = j - 1;
                    continue;
                }
            }
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < n && in[i + 1] == '\n') {
                    i++;
                }
                o[p++] = '\r';
                o[p++] = '\n';
                col = 0;
                continue;
            }
            boolean literal;
            if (b > 32 && b < 127 && b != '=') {
                literal = true;
            } else if (b == ' ' || b == '\t') {
                // Whitespace before a line break would be stripped by transports: escape it.
                literal = i + 1 < n && in[i + 1] != '\r' && in[i + 1] != '\n';
            } else {
                literal = false;
            }
            int width = literal ? 1 : 3;
            if (col + width > MAX) {
                o[p++] = '=';
                o[p++] = '\r';
                o[p++] = '\n';
                col = 0;
                changed = true;
            }
            // A leading "." or "From " is mangled by some transports and mbox files.
            if (col == 0 && literal && (b == '.' || (b == 'F' && isFromSpace(in, i, n, openEnd)))) {
                literal = false;
                width = 3;
            }
            if (literal) {
                o[p++] = (byte) b;
            } else {
                o[p++] = '=';
                o[p++] = HEX[b >> 4];
                o[p++] = HEX[b & 0xF];
                changed = true;
            }
            col += width;
        }
        if (terminate && col > 0) {
            o[p++] = '=';
            o[p++] = '\r';
            o[p++] = '\n';
            changed = true;
        }
        sink.len = p;
        return (changed ? CHANGED : 0) | col;
    }

    private static final byte[] FROM_SPACE = {'F', 'r', 'o', 'm', ' '};

    /** "From " starts at i; with an open end, also a prefix of it cut off by the end of the input. */
    private static boolean isFromSpace(byte[] in, int i, int n, boolean openEnd) {
        if (!openEnd && i + 4 >= n) {
            return false;
        }
        for (int k = 1; k < 5; k++) {
            if (i + k >= n) {
                return true;
            }
            if (in[i + k] != FROM_SPACE[k]) {
                return false;
            }
        }
        return true;
    }
}
