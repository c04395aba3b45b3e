package org.broadside.mime;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The MIME shape shared by every message of a campaign: which parts exist, charset and files; fixed before sending starts. */
public record MessageLayout(boolean hasText, boolean hasHtml, boolean generateTextFromHtml, List<Attachment> attachments,
                            List<InlineImage> inlineImages, Charset charset, String campaignKey) {

    public MessageLayout {
        if (!hasText && !hasHtml) {
            throw new IllegalArgumentException("a message needs a text or an HTML part");
        }
        if (generateTextFromHtml && !hasHtml) {
            throw new IllegalArgumentException("a text part can only be generated from an HTML part");
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        inlineImages = inlineImages == null ? List.of() : List.copyOf(inlineImages);
        if (!inlineImages.isEmpty() && !hasHtml) {
            throw new IllegalArgumentException("inline images need an HTML part");
        }
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
        // Line breaks and QP escapes are handled byte-wise, which needs an ASCII-compatible charset.
        if (!Arrays.equals("a=\r\n".getBytes(charset), new byte[] {'a', '=', '\r', '\n'})) {
            throw new IllegalArgumentException("charset is not ASCII-compatible: " + charset);
        }
        if (campaignKey == null || campaignKey.isEmpty()) {
            throw new IllegalArgumentException("campaign key is required (it makes boundaries deterministic)");
        }
    }

    /** A text part exists when it is written or generated from the HTML. */
    boolean hasTextPart() {
        return hasText || generateTextFromHtml;
    }

    /** The text this recipient gets: merged, or generated from the merged HTML when missing. */
    String textOf(RenderedMessage m) {
        if (!hasTextPart()) {
            if (m.text() != null) {
                throw new IllegalArgumentException("message has a text part but the layout has none");
            }
            return null;
        }
        if (m.text() != null) {
            return m.text();
        }
        if (generateTextFromHtml && m.html() != null) {
            return HtmlToText.convert(m.html());
        }
        throw new IllegalArgumentException("layout expects a text part but the message has no text");
    }

    String htmlOf(RenderedMessage m) {
        if (hasHtml && m.html() == null) {
            throw new IllegalArgumentException("layout expects an HTML part but the message has no HTML");
        }
        if (!hasHtml && m.html() != null) {
            throw new IllegalArgumentException("message has an HTML part but the layout has none");
        }
        return m.html();
    }
}
