package org.broadside.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The engine's fast path: the MIME structure of a campaign prepared once, then each recipient's
 * message written straight to a stream. Produces what {@link AngusMessageFactory} would, always 7-bit,
 * CRLF, deterministic. Thread-safe: per-thread scratch buffers are reused, so a warm writer allocates
 * little beyond the merged parts.
 */
public final class MimeTemplate {
    /** Files bigger than this go to the stream directly instead of through the scratch buffer. */
    private static final int DIRECT_WRITE = 16 * 1024;
    private static final byte[] MIME_VERSION = PartTree.ascii("MIME-Version: 1.0\r\n");
    private static final byte[] CTE_7BIT = PartTree.ascii("Content-Transfer-Encoding: 7bit\r\n");
    private static final byte[] CTE_QP = PartTree.ascii("Content-Transfer-Encoding: quoted-printable\r\n");
    private static final byte[] DATE = PartTree.ascii("Date: ");
    private static final byte[] MESSAGE_ID = PartTree.ascii("Message-ID: ");

    private final MessageLayout layout;
    private final PartTree.Node root;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private MimeTemplate(MessageLayout layout, PartTree.Node root) {
        this.layout = layout;
        this.root = root;
    }

    /** Reads and base64-encodes the campaign's files and fixes the structure; call once per campaign. */
    public static MimeTemplate prepare(MessageLayout layout) throws IOException {
        return new MimeTemplate(layout, PartTree.build(layout));
    }

    public MessageLayout layout() {
        return layout;
    }

    /** Writes one recipient's complete message (headers and body, CRLF, not dot-stuffed). */
    public void writeTo(RenderedMessage m, OutputStream out) throws IOException {
        Scratch s = scratch.get();
        String text = layout.textOf(m);
        String html = layout.htmlOf(m);
        boolean single = isSinglePart();
        if (text != null) {
            s.textQp = encode(text, s, s.textBody, single);
            s.text = s.textBody.buf;
            s.textLen = s.textBody.len;
        }
        if (html != null) {
            s.htmlQp = encode(html, s, s.htmlBody, single);
            s.html = s.htmlBody.buf;
            s.htmlLen = s.htmlBody.len;
        }
        writeMessage(m, s, out);
    }

    /**
     * Writes one recipient's message whose text and HTML parts are already encoded (by {@link #literalQp}'s writers);
     * the text and HTML of {@code m} are not used. A part the layout has not is null.
     */
    public void writeTo(RenderedMessage m, EncodedPart text, EncodedPart html, OutputStream out) throws IOException {
        if ((text != null) != layout.hasTextPart() || (html != null) != layout.hasHtml()) {
            throw new IllegalArgumentException("the encoded parts do not match the layout (text " + layout.hasTextPart()
                    + ", HTML " + layout.hasHtml() + ")");
        }
        Scratch s = scratch.get();
        if (text != null) {
            s.textQp = text.quotedPrintable();
            s.text = text.bytes();
            s.textLen = text.bytes().length;
        }
        if (html != null) {
            s.htmlQp = html.quotedPrintable();
            s.html = html.bytes();
            s.htmlLen = html.bytes().length;
        }
        writeMessage(m, s, out);
    }

    /** The message of {@link #writeTo(RenderedMessage, EncodedPart, EncodedPart, OutputStream)} as bytes. */
    public byte[] toBytes(RenderedMessage m, EncodedPart text, EncodedPart html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writeTo(m, text, html, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    /**
     * Literal text encoded once for a part whose text the caller renders in pieces; null when the campaign's charset
     * cannot be encoded in pieces or the text part is generated per recipient, then use {@link #writeTo(RenderedMessage, OutputStream)}.
     *
     * @param literals the part template's literal texts (the String objects its rendering hands out)
     */
    public LiteralQp literalQp(Iterable<String> literals) {
        if (!LiteralQp.supports(layout.charset()) || layout.generateTextFromHtml()) {
            return null;
        }
        return LiteralQp.prepare(literals, layout.charset(), isSinglePart());
    }

    private boolean isSinglePart() {
        return !(root instanceof PartTree.Multipart);
    }

    private void writeMessage(RenderedMessage m, Scratch s, OutputStream out) throws IOException {
        boolean single = isSinglePart();
        ByteSink sink = s.out;
        sink.reset();
        writeHeaders(m, s);
        writeNode(root, s, out);
        if (!single) {
            sink.crlf();
        }
        sink.flushTo(out);
    }

    /** The message as bytes; convenient for tests and small messages. */
    public byte[] toBytes(RenderedMessage m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writeTo(m, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    private void writeHeaders(RenderedMessage m, Scratch s) {
        ByteSink sink = s.out;
        sink.write(DATE);
        sink.write(s.date(m.date()));
        sink.crlf();
        HeaderEncoder.writeAddress(sink, "From", m.from());
        if (m.replyTo() != null) {
            HeaderEncoder.writeAddress(sink, "Reply-To", m.replyTo());
        }
        HeaderEncoder.writeAddress(sink, "To", m.to());
        HeaderEncoder.writeUnstructured(sink, "Subject", m.subject());
        sink.write(MESSAGE_ID);
        sink.writeAscii(m.messageId());
        sink.crlf();
        sink.write(MIME_VERSION);
        for (Header h : m.extraHeaders()) {
            HeaderEncoder.writeExtra(sink, h);
        }
    }

    private void writeNode(PartTree.Node node, Scratch s, OutputStream out) throws IOException {
        ByteSink sink = s.out;
        if (node instanceof PartTree.Multipart mp) {
            sink.write(mp.headers());
            sink.crlf();
            for (PartTree.Node child : mp.children()) {
                sink.write(mp.delimiter());
                writeNode(child, s, out);
                sink.crlf();
            }
            sink.write(mp.close());
        } else if (node instanceof PartTree.TextLeaf leaf) {
            sink.write(leaf.contentType());
            sink.write((leaf.html() ? s.htmlQp : s.textQp) ? CTE_QP : CTE_7BIT);
            sink.crlf();
            if (leaf.html()) {
                sink.write(s.html, 0, s.htmlLen);
            } else {
                sink.write(s.text, 0, s.textLen);
            }
        } else if (node instanceof PartTree.StaticLeaf leaf) {
            if (leaf.bytes().length > DIRECT_WRITE) {
                sink.flushTo(out);
                out.write(leaf.bytes());
            } else {
                sink.write(leaf.bytes());
            }
        }
    }

    /** Charset-encodes then QP-encodes {@code content} into {@code body}; returns whether QP was needed. */
    private boolean encode(String content, Scratch s, ByteSink body, boolean terminate) {
        // The JDK's encoder is vectorised and beats a hand loop by far; its array is the one allocation per part.
        byte[] bytes = content.getBytes(layout.charset());
        body.reset();
        return QuotedPrintable.encode(bytes, bytes.length, body, terminate);
    }

    /** Per-thread buffers; the formatted Date is cached because a campaign sends many messages per second. */
    private static final class Scratch {
        final ByteSink textBody = new ByteSink(16 * 1024);
        final ByteSink htmlBody = new ByteSink(32 * 1024);
        final ByteSink out = new ByteSink(64 * 1024);
        boolean textQp;
        boolean htmlQp;
        /** The encoded parts of the message being written: the buffers above, or a recipient's EncodedPart. */
        byte[] text;
        int textLen;
        byte[] html;
        int htmlLen;
        private java.time.Instant lastDate;
        private byte[] lastDateBytes;

        byte[] date(java.time.Instant date) {
            if (lastDate == null || lastDate.getEpochSecond() != date.getEpochSecond()) {
                lastDateBytes = MailDates.format(date).getBytes(StandardCharsets.US_ASCII);
                lastDate = date;
            }
            return lastDateBytes;
        }
    }
}
