package org.broadside.mime;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.util.Properties;

/**
 * The reference way to build a recipient's message, with Angus Mail. Slower than {@link MimeTemplate};
 * tests hold the template to what this produces. Message-ID and boundaries are stable across saveChanges.
 */
public final class AngusMessageFactory {
    static {
        // Without it every message scans the class path under a lock (jakartaee/mail-api#861).
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private static final Session SESSION = Session.getInstance(properties(false));
    private static final Session UTF8_SESSION = Session.getInstance(properties(true));

    private AngusMessageFactory() {}

    /** A session for building and parsing messages; never used to connect anywhere. */
    public static Session session() {
        return SESSION;
    }

    public static MimeMessage build(MessageLayout layout, RenderedMessage m) throws MessagingException {
        String text = layout.textOf(m);
        String html = layout.htmlOf(m);
        String charset = layout.charset().name();
        MimeMessage msg = new StableIdMessage(m.requiresSmtpUtf8() ? UTF8_SESSION : SESSION, m.messageId());
        msg.setHeader("Date", MailDates.format(m.date()));
        msg.setFrom(internet(m.from()));
        if (m.replyTo() != null) {
            msg.setReplyTo(new InternetAddress[] {internet(m.replyTo())});
        }
        msg.setRecipient(MimeMessage.RecipientType.TO, internet(m.to()));
        msg.setSubject(m.subject(), "UTF-8");
        for (Header h : m.extraHeaders()) {
            String value = HeaderEncoder.isPrintableAscii(h.value()) ? h.value() : encode(h.value());
            msg.addHeader(h.name(), MimeUtility.fold(h.name().length() + 2, value));
        }
        Object htmlContent = null;
        MimeBodyPart htmlPart = null;
        if (html != null) {
            htmlPart = new MimeBodyPart();
            htmlPart.setText(html, charset, "html");
            htmlContent = htmlPart;
            if (!layout.inlineImages().isEmpty()) {
                MimeMultipart related = new FixedBoundaryMultipart(layout.campaignKey(), "related", "text/html");
                related.addBodyPart(htmlPart);
                for (InlineImage image : layout.inlineImages()) {
                    MimeBodyPart p = filePart(image.file(), image.contentType(), image.fileName(), Part.INLINE);
                    p.setContentID("<" + image.contentId() + ">");
                    related.addBodyPart(p);
                }
                htmlContent = related;
            }
        }
        MimeBodyPart textPart = null;
        if (text != null) {
            textPart = new MimeBodyPart();
            textPart.setText(text, charset, "plain");
        }
        Object body;
        if (textPart != null && htmlContent != null) {
            MimeMultipart alternative = new FixedBoundaryMultipart(layout.campaignKey(), "alternative", null);
            alternative.addBodyPart(textPart);
            alternative.addBodyPart(asPart(htmlContent));
            body = alternative;
        } else {
            body = textPart != null ? textPart : htmlContent;
        }
        if (layout.attachments().isEmpty()) {
            setBody(msg, body, text, html, charset);
        } else {
            MimeMultipart mixed = new FixedBoundaryMultipart(layout.campaignKey(), "mixed", null);
            mixed.addBodyPart(asPart(body));
            for (Attachment a : layout.attachments()) {
                mixed.addBodyPart(filePart(a.file(), a.contentType(), a.fileName(), Part.ATTACHMENT));
            }
            msg.setContent(mixed);
        }
        msg.saveChanges();
        return msg;
    }

    private static void setBody(MimeMessage msg, Object body, String text, String html, String charset) throws MessagingException {
        if (body instanceof MimeMultipart mp) {
            msg.setContent(mp);
        } else if (body == null) {
            throw new IllegalStateException("no body");
        } else if (text != null) {
            msg.setText(text, charset, "plain");
        } else {
            msg.setText(html, charset, "html");
        }
    }

    private static MimeBodyPart asPart(Object content) throws MessagingException {
        if (content instanceof MimeBodyPart p) {
            return p;
        }
        MimeBodyPart p = new MimeBodyPart();
        p.setContent((MimeMultipart) content);
        return p;
    }

    private static MimeBodyPart filePart(java.nio.file.Path file, String type, String name, String disposition) throws MessagingException {
        try {
            MimeBodyPart p = new MimeBodyPart();
            p.setDataHandler(new DataHandler(new ByteArrayDataSource(Files.readAllBytes(file), type)));
            p.setDisposition(disposition);
            p.setFileName(name);
            p.setHeader("Content-Transfer-Encoding", "base64");
            return p;
        } catch (IOException e) {
            throw new MessagingException("cannot read " + file, e);
        }
    }

    private static InternetAddress internet(MailAddress a) throws MessagingException {
        try {
            return new InternetAddress(a.headerAddress(), a.displayName(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 missing", e);
        }
    }

    private static String encode(String value) throws MessagingException {
        try {
            return MimeUtility.encodeText(value, "UTF-8", "B");
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 missing", e);
        }
    }

    private static Properties properties(boolean utf8) {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", String.valueOf(utf8));
        return p;
    }

    /** Keeps the given Message-ID: Angus would otherwise make a new one on every saveChanges(). */
    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /** Uses the template's deterministic boundary instead of Angus's random one. */
    private static final class FixedBoundaryMultipart extends MimeMultipart {
        FixedBoundaryMultipart(String campaignKey, String subtype, String type) {
            super(subtype);
            ContentType ct = new ContentType("multipart", subtype, null);
            ct.setParameter("boundary", Boundaries.of(campaignKey, subtype));
            if (type != null) {
                ct.setParameter("type", type);
            }
            contentType = ct.toString();
        }
    }
}
