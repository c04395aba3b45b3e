package org.broadside.mime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The prepared MIME structure of a campaign: multipart headers, boundaries and base64 files are
 * bytes computed once; only the text and HTML leaves are filled in per recipient.
 */
final class PartTree {

    /** A node writes its own part headers, the blank line and its body. */
    sealed interface Node permits Multipart, TextLeaf, StaticLeaf {}

    /** {@code headers} holds the Content-Type field; delimiter is "--boundary\r\n", close is "--boundary--". */
    record Multipart(byte[] headers, byte[] delimiter, byte[] close, Node[] children) implements Node {}

    /** A merged text or HTML part; {@code contentType} is the whole Content-Type field. */
    record TextLeaf(boolean html, byte[] contentType) implements Node {}

    /** Headers, blank line and base64 body of a file, encoded once per campaign. */
    record StaticLeaf(byte[] bytes) implements Node {}

    private PartTree() {}

    static Node build(MessageLayout layout) throws IOException {
        String charset = layout.charset().name();
        Node html = layout.hasHtml() ? new TextLeaf(true, ascii("Content-Type: text/html; charset=" + charset + "\r\n")) : null;
        Node text = layout.hasTextPart() ? new TextLeaf(false, ascii("Content-Type: text/plain; charset=" + charset + "\r\n")) : null;
        if (html != null && !layout.inlineImages().isEmpty()) {
            List<Node> related = new ArrayList<>();
            related.add(html);
            for (InlineImage image : layout.inlineImages()) {
                related.add(inlineImage(image));
            }
            html = multipart(layout.campaignKey(), "related", "text/html", related);
        }
        Node body;
        if (text != null && html != null) {
            body = multipart(layout.campaignKey(), "alternative", null, List.of(text, html));
        } else {
            body = text != null ? text : html;
        }
        if (layout.attachments().isEmpty()) {
            return body;
        }
        List<Node> mixed = new ArrayList<>();
        mixed.add(body);
        for (Attachment a : layout.attachments()) {
            mixed.add(attachment(a));
        }
        return multipart(layout.campaignKey(), "mixed", null, mixed);
    }

    private static Node multipart(String campaignKey, String subtype, String type, List<Node> children) {
        String boundary = Boundaries.of(campaignKey, subtype);
        List<String> params = new ArrayList<>();
        params.add("boundary=\"" + boundary + "\"");
        if (type != null) {
            params.add("type=\"" + type + "\"");
        }
        String header = HeaderEncoder.withParameters("Content-Type", "multipart/" + subtype, params);
        return new Multipart(ascii(header), ascii("--" + boundary + "\r\n"), ascii("--" + boundary + "--"),
                children.toArray(Node[]::new));
    }

    private static Node inlineImage(InlineImage image) throws IOException {
        String headers = HeaderEncoder.withParameters("Content-Type", image.contentType(), HeaderEncoder.parameter("name", image.fileName()))
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-ID: <" + image.contentId() + ">\r\n"
                + HeaderEncoder.withParameters("Content-Disposition", "inline", HeaderEncoder.parameter("filename", image.fileName()));
        return new StaticLeaf(concat(ascii(headers + "\r\n"), base64(image.file())));
    }

    private static Node attachment(Attachment a) throws IOException {
        String headers = HeaderEncoder.withParameters("Content-Type", a.contentType(), HeaderEncoder.parameter("name", a.fileName()))
                + "Content-Transfer-Encoding: base64\r\n"
                + HeaderEncoder.withParameters("Content-Disposition", "attachment", HeaderEncoder.parameter("filename", a.fileName()));
        return new StaticLeaf(concat(ascii(headers + "\r\n"), base64(a.file())));
    }

    /** MIME base64: 76-character lines ending in CRLF. */
    private static byte[] base64(java.nio.file.Path file) throws IOException {
        byte[] data = Files.readAllBytes(file);
        return Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encode(data);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
