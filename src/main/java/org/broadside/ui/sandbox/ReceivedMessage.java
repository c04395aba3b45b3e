package org.broadside.ui.sandbox;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A message of the Sandbox inbox as its recipient would see it: the HTML part (inline cid: images carried along as
 * data: URIs, remote images and scripts left out, as a careful mail program does), the text part, the attachments and
 * the headers. Decoded by Jakarta Mail, so quoted-printable and base64 parts read as text again.
 */
public record ReceivedMessage(String html, String text, List<Attachment> attachments, List<String> headers, int remoteImagesBlocked) {
    /** A part the recipient would open or save. */
    public record Attachment(String name, String contentType, byte[] content) {
        public String size() {
            return content.length < 1024 ? content.length + " bytes" : String.format(Locale.ENGLISH, "%,d KB", (content.length + 512) / 1024);
        }
    }

    /** Reads a stored .eml file. */
    public static ReceivedMessage read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    public static ReceivedMessage parse(byte[] raw) throws IOException {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            Parts parts = new Parts();
            parts.walk(m);
            List<String> headers = new ArrayList<>();
            for (Header h : Collections.list(m.getAllHeaders())) headers.add(h.getName() + ": " + decode(h.getValue()));
            int[] blocked = {0};
            String html = parts.html == null ? null : withInlineImages(parts.html, parts.inline, blocked);
            return new ReceivedMessage(html, parts.text, List.copyOf(parts.attachments), List.copyOf(headers), blocked[0]);
        } catch (MessagingException e) {
            throw new IOException("the message is not valid MIME: " + e.getMessage(), e);
        }
    }

    private static String decode(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (java.io.UnsupportedEncodingException e) {
            return value;
        }
    }

    /** cid: images become data: URIs; http(s) images are blanked; scripts and event handlers go. */
    static String withInlineImages(String html, Map<String, Attachment> inline, int[] blocked) {
        Document doc = Jsoup.parse(html);
        doc.select("script, iframe, object, embed").remove();
        for (Element e : doc.getAllElements()) {
            e.attributes().asList().stream().filter(a -> a.getKey().toLowerCase(Locale.ROOT).startsWith("on")).map(a -> a.getKey())
                    .toList().forEach(e::removeAttr);
        }
        for (Element img : doc.select("img[src]")) {
            String src = img.attr("src").strip();
            if (src.regionMatches(true, 0, "cid:", 0, 4)) {
                Attachment a = inline.get(src.substring(4));
                if (a != null) img.attr("src", "data:" + a.contentType() + ";base64," + Base64.getEncoder().encodeToString(a.content()));
            } else if (!src.regionMatches(true, 0, "data:", 0, 5)) {
                img.attr("title", "Remote image not loaded: " + src).attr("src", "");
                blocked[0]++;
            }
        }
        return doc.outerHtml();
    }

    private static final class Parts {
        String html;
        String text;
        final List<Attachment> attachments = new ArrayList<>();
        final Map<String, Attachment> inline = new HashMap<>();

        void walk(Part p) throws MessagingException, IOException {
            if (p.isMimeType("multipart/*")) {
                Multipart mp = (Multipart) p.getContent();
                for (int i = 0; i < mp.getCount(); i++) walk(mp.getBodyPart(i));
                return;
            }
            String disposition = p.getDisposition();
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(disposition) || (p.getFileName() != null && !p.isMimeType("text/*"));
            if (!attached && p.isMimeType("text/html") && html == null) {
                html = String.valueOf(p.getContent());
            } else if (!attached && p.isMimeType("text/plain") && text == null) {
                text = String.valueOf(p.getContent());
            } else {
                byte[] bytes;
                try (InputStream in = p.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                String type = p.getContentType() == null ? "application/octet-stream" : p.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
                String name = p.getFileName() == null ? "part" : decode(p.getFileName());
                Attachment a = new Attachment(name, type, bytes);
                String[] cid = p instanceof BodyPart bp ? bp.getHeader("Content-ID") : null;
                if (cid != null && cid.length > 0) inline.put(cid[0].strip().replaceAll("^<|>$", ""), a);
                if (cid == null || cid.length == 0 || Part.ATTACHMENT.equalsIgnoreCase(disposition)) attachments.add(a);
            }
        }
    }
}
