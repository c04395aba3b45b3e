package org.broadside.mime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Shared test data and helpers: parse bytes back with Angus, describe structures, check wire rules. */
final class MimeFixtures {
    static final Instant DATE = Instant.parse("2026-11-22T03:04:05Z");
    static final MailAddress FROM = new MailAddress("Broadside News", "news@example.com");
    static final MailAddress TO = new MailAddress("Ann Example", "ann@example.org");
    static final String ID = MessageIds.forRecipient("spring-sale", "ann@example.org", "example.com");

    private MimeFixtures() {}

    static MessageLayout layout(boolean text, boolean html, boolean generate, List<Attachment> attachments, List<InlineImage> images) {
        return new MessageLayout(text, html, generate, attachments, images, StandardCharsets.UTF_8, "spring-sale");
    }

    static RenderedMessage message(String subject, String text, String html) {
        return new RenderedMessage(FROM, null, TO, subject, text, html, List.of(), ID, DATE);
    }

    static RenderedMessage message(String subject, String text, String html, List<Header> extra) {
        return new RenderedMessage(FROM, null, TO, subject, text, html, extra, ID, DATE);
    }

    static MimeMessage parse(byte[] bytes) throws MessagingException {
        return new MimeMessage(AngusMessageFactory.session(), new ByteArrayInputStream(bytes));
    }

    static byte[] bytesOf(MimeMessage m) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    /** e.g. {@code multipart/mixed[multipart/alternative[text/plain,text/html],application/pdf]} */
    static String structure(Part part) throws MessagingException, IOException {
        String type = new ContentType(part.getContentType()).getBaseType().toLowerCase();
        if (!type.startsWith("multipart/")) {
            return type;
        }
        Multipart mp = (Multipart) part.getContent();
        List<String> children = new ArrayList<>();
        for (int i = 0; i < mp.getCount(); i++) {
            children.add(structure(mp.getBodyPart(i)));
        }
        return type + "[" + String.join(",", children) + "]";
    }

    /** Leaves in order, each as "type|disposition|filename|content-id|decoded content" with text line breaks as \n. */
    static List<String> leaves(Part part) throws MessagingException, IOException {
        List<String> out = new ArrayList<>();
        collect(part, out);
        return out;
    }

    private static void collect(Part part, List<String> out) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), out);
            }
            return;
        }
        String type = new ContentType(part.getContentType()).getBaseType().toLowerCase();
        String body = content instanceof String s ? normalize(s) : base64Of(part);
        String[] cid = part instanceof BodyPart bp ? bp.getHeader("Content-ID") : null;
        out.add(type + "|" + part.getDisposition() + "|" + part.getFileName() + "|" + (cid == null ? null : cid[0]) + "|" + body);
    }

    private static String base64Of(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return java.util.Base64.getEncoder().encodeToString(in.readAllBytes());
        }
    }

    static String normalize(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The text part (first text/plain) or HTML part decoded. */
    static String decodedText(Part part, String baseType) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String found = decodedText(mp.getBodyPart(i), baseType);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return part.isMimeType(baseType) ? (String) content : null;
    }

    /** Every line ends in CRLF, is at most 998 octets, and every byte is 7-bit. */
    static void assertWireSafe(byte[] bytes) {
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            assertThat(bytes[i] & 0xFF).as("byte %d is 7-bit", i).isLessThan(128);
            if (bytes[i] == '\n') {
                assertThat(i).as("LF at %d preceded by CR", i).isGreaterThan(0);
                assertThat(bytes[i - 1]).as("LF at %d preceded by CR", i).isEqualTo((byte) '\r');
                assertThat(i - 1 - lineStart).as("line length at %d", i).isLessThanOrEqualTo(998);
                lineStart = i + 1;
            } else if (bytes[i] == '\r') {
                assertThat(i + 1 < bytes.length && bytes[i + 1] == '\n').as("CR at %d followed by LF", i).isTrue();
            }
        }
        assertThat(lineStart).as("message ends with CRLF").isEqualTo(bytes.length);
    }

    static List<String> lines(byte[] bytes) {
        return List.of(new String(bytes, StandardCharsets.UTF_8).split("\r\n", -1));
    }

    static Path file(Path dir, String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, content);
    }

    /** Pseudo-random but fixed bytes, so binary round trips are checked on something that is not text. */
    static byte[] binary(int size) {
        byte[] b = new byte[size];
        long x = 42;
        for (int i = 0; i < size; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            b[i] = (byte) (x >>> 56);
        }
        return b;
    }
}
