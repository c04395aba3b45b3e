package org.broadside.mime;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The quoted-printable form of a template's literal text, computed once per campaign, so that per recipient only
 * the merged values and the short pieces around them are encoded (issue 17: the per-byte encoding of 5 KB parts
 * was half the cost of a message).
 *
 * <p>A literal's block is the run that can be encoded without knowing what comes before it:
 * <ul>
 * <li>it starts after the literal's first complete line break (column 0, the same bytes the whole part would give),
 *     or, when the literal has no early line break (HTML on one line), at the literal's start, where the writer
 *     ends the current line with a soft break if it is not at column 0 ("the line restarts": the decoded text is the
 *     same, the soft breaks may sit elsewhere than encoding the whole part would put them);</li>
 * <li>it ends after the last complete line break, or at the literal's end short of trailing spaces, tabs and a CR,
 *     whose encoding depends on what follows; the writer goes on from the block's end column.</li>
 * </ul>
 * Only for charsets whose bytes of a text are the bytes of its pieces (UTF-8, US-ASCII, ISO-8859-1).
 */
public final class LiteralQp {
    /** Literals shorter than this are cheaper to encode with the merged values around them. */
    private static final int MIN_BLOCK = 64;
    /** A first (last) line break further in (out) than two encoded lines does not align the block: restart instead. */
    private static final int NEAR = 152;

    private final Map<String, Block> blocks;
    private final Charset charset;
    private final boolean terminate;

    private LiteralQp(Map<String, Block> blocks, Charset charset, boolean terminate) {
        this.blocks = blocks;
        this.charset = charset;
        this.terminate = terminate;
    }

    /** True when text in this charset can be encoded in pieces. */
    static boolean supports(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)
                || charset.equals(StandardCharsets.ISO_8859_1);
    }

    /**
     * @param literals  the template's literal texts, the same String objects the rendering hands to {@link Writer#literal}
     * @param terminate whether the part must end with a line break (the last part of a single-part message)
     */
    static LiteralQp prepare(Iterable<String> literals, Charset charset, boolean terminate) {
        Map<String, Block> blocks = new IdentityHashMap<>();
        for (String literal : literals) {
            Block b = Block.of(literal, charset);
            if (b != null) {
                blocks.put(literal, b);
            }
        }
        return new LiteralQp(blocks, charset, terminate);
    }

    /** Number of literals with a precomputed block (for tests). */
    int blockCount() {
        return blocks.size();
    }

    /** A writer for one recipient's part; not thread-safe, use one per thread and part. */
    public Writer writer() {
        return new Writer();
    }

    /** One literal's precomputed piece and the text around it that is encoded with the merged values. */
    private record Block(String prefix, byte[] encoded, boolean changed, boolean restart, int endCol, String suffix) {

        static Block of(String s, Charset charset) {
            int n = s.length();
            int start;
            boolean restart;
            int first = firstBreakEnd(s);
            if (first >= 0 && first <= NEAR) {
                start = first;
                restart = false;
            } else {
                start = 0;
                restart = true;
            }
            int end;
            boolean closed;
            int last = lastBreakEnd(s);
            if (last > start && n - last <= NEAR) {
                end = last;
                closed = true;
            } else {
                end = n;
                while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t' || s.charAt(end - 1) == '\r')) {
                    end--;
                }
                closed = false;
            }
            // A surrogate pair split by the block's edges would be encoded as two '?' instead of one character.
            if (end > start && Character.isHighSurrogate(s.charAt(end - 1))) {
                end--;
            }
            if (end - start < MIN_BLOCK || Character.isLowSurrogate(s.charAt(start))) {
                return null;
            }
            byte[] in = s.substring(start, end).getBytes(charset);
            ByteSink sink = new ByteSink(in.length * 3 / 2 + 16);
            long r = QuotedPrintable.encode(in, in.length, sink, 0, false, !closed);
            byte[] encoded = java.util.Arrays.copyOf(sink.buf, sink.len);
            return new Block(s.substring(0, start), encoded, (r & QuotedPrintable.CHANGED) != 0, restart, (int) r, s.substring(end));
        }

        /** Index after the first complete line break (a CR at the very end may pair with what follows), or -1. */
        private static int firstBreakEnd(String s) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c == '\n') {
                    return i + 1;
                }
                if (c == '\r') {
                    if (i + 1 == n) {
                        return -1;
                    }
                    return s.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                }
            }
            return -1;
        }

        /** Index after the last complete line break, or -1. */
        private static int lastBreakEnd(String s) {
            for (int i = s.length() - 1; i >= 0; i--) {
                char c = s.charAt(i);
                if (c == '\n' || (c == '\r' && i + 1 < s.length())) {
                    return i + 1;
                }
            }
            return -1;
        }
    }

    /**
     * Collects one recipient's part: merged text goes to {@link #merged()}, literals to {@link #literal}; then
     * {@link #finish()}. Reusable: finish starts the next part.
     */
    public final class Writer {
        private final StringBuilder pending = new StringBuilder(1024);
        private final ByteSink out = new ByteSink(16 * 1024);
        private int col;
        private boolean changed;

        private Writer() {}

        /** Where merged values go, in order with the literals. */
        public StringBuilder merged() {
            return pending;
        }

        /** A literal of the template, the same String object {@link LiteralQp#prepare} was given. */
        public void literal(String text) {
            Block b = blocks.get(text);
            if (b == null) {
                pending.append(text);
                return;
            }
            pending.append(b.prefix);
            flush(false);
            if (b.restart && col > 0) {
                out.ensure(3);
                out.buf[out.len++] = '=';
                out.buf[out.len++] = '\r';
                out.buf[out.len++] = '\n';
                changed = true;
                col = 0;
            }
            out.write(b.encoded);
            changed |= b.changed;
            col = b.endCol;
            pending.append(b.suffix);
        }

        /** The encoded part; the writer is empty again afterwards. */
        public EncodedPart finish() {
            flush(true);
            EncodedPart part = new EncodedPart(java.util.Arrays.copyOf(out.buf, out.len), changed);
            out.reset();
            col = 0;
            changed = false;
            return part;
        }

        private void flush(boolean last) {
            if (pending.length() == 0 && !last) {
                return;
            }
            byte[] in = pending.toString().getBytes(charset);
            long r = QuotedPrintable.encode(in, in.length, out, col, last && terminate, !last);
            changed |= (r & QuotedPrintable.CHANGED) != 0;
            col = (int) r;
            pending.setLength(0);
        }
    }
}
