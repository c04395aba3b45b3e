package org.broadside.bounces;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import org.broadside.mime.HtmlToText;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks the MIME tree of a received message. It never descends into an attached message/rfc822: what a bounce
 * quotes is evidence about the original message, not part of the bounce's own structure.
 */
final class MessageParts {
    /** Bounces are small; the cap keeps a huge attachment from filling memory. */
    private static final int MAX_BYTES = 512 * 1024;

    private MessageParts() {}

    /** Every part of the tree, depth first, attachments of type message/rfc822 as leaves. */
    static List<Part> leaves(Part root) throws MessagingException, IOException {
        List<Part> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Part p, List<Part> out) throws MessagingException, IOException {
        if (p.isMimeType("multipart/*")) {
            Object content = p.getContent();
            if (content instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart child = mp.getBodyPart(i);
                    collect(child, out);
                }
                return;
            }
        }
        out.add(p);
    }

    static Optional<Part> first(List<Part> leaves, String mimeType) throws MessagingException {
        for (Part p : leaves) if (p.isMimeType(mimeType)) return Optional.of(p);
        return Optional.empty();
    }

    /** The first plain-text part, else the first HTML part as text, else "". */
    static String bodyText(List<Part> leaves) throws MessagingException, IOException {
        for (Part p : leaves) if (p.isMimeType("text/plain") && !isAttachment(p)) return text(p);
        for (Part p : leaves) if (p.isMimeType("text/html") && !isAttachment(p)) return HtmlToText.convert(text(p));
        return "";
    }

    /** Headers of the original message a report returns (message/rfc822 or text/rfc822-headers parts). */
    static List<InternetHeaders> returnedHeaders(List<Part> leaves) throws MessagingException, IOException {
        List<InternetHeaders> out = new ArrayList<>();
        for (Part p : leaves) {
            if (p.isMimeType("message/rfc822") || p.isMimeType("text/rfc822-headers")) {
                out.add(new InternetHeaders(new ByteArrayInputStream(bytes(p))));
            }
        }
        return out;
    }

    /** A text part decoded with its charset (UTF-8 when none or unknown). */
    static String text(Part p) throws MessagingException, IOException {
        return new String(bytes(p), charset(p));
    }

    private static Charset charset(Part p) {
        try {
            String name = new ContentType(p.getContentType()).getParameter("charset");
            if (name != null) return Charset.forName(MimeUtility.javaCharset(name));
        } catch (MessagingException | IllegalArgumentException ignored) {
            // An unknown or malformed charset: UTF-8 reads ASCII-based text well enough to find codes and addresses.
        }
        return StandardCharsets.UTF_8;
    }

    private static byte[] bytes(Part p) throws MessagingException, IOException {
        try (InputStream in = p.getInputStream()) {
            return in.readNBytes(MAX_BYTES);
        }
    }

    private static boolean isAttachment(Part p) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition());
    }
}
