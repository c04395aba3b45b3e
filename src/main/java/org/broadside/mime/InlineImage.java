package org.broadside.mime;

import java.nio.file.Path;

/** An image shown inside the HTML through {@code cid:contentId}; sent as a multipart/related part. */
public record InlineImage(String contentId, Path file, String contentType) {

    public InlineImage {
        if (contentId == null || contentId.isEmpty() || file == null) {
            throw new IllegalArgumentException("inline image needs a content id and a file");
        }
        for (int i = 0; i < contentId.length(); i++) {
            char c = contentId.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == '<' || c == '>') {
                throw new IllegalArgumentException("inline image content id contains a forbidden character: " + contentId);
            }
        }
        if (contentType == null || contentType.isBlank()) {
            contentType = ContentTypes.guess(null, file);
        }
        Header.checkValue("Content-Type", contentType);
    }

    String fileName() {
        return String.valueOf(file.getFileName());
    }
}
