package org.broadside.mime;

import java.nio.file.Path;

/** A file attached to every message of a campaign; name and type default from the file. */
public record Attachment(Path file, String fileName, String contentType) {

    public Attachment {
        if (file == null) {
            throw new IllegalArgumentException("attachment file is missing");
        }
        if (fileName == null || fileName.isBlank()) {
            fileName = String.valueOf(file.getFileName());
        }
        Header.checkValue("attachment file name", fileName);
        if (contentType == null || contentType.isBlank()) {
            contentType = ContentTypes.guess(fileName, file);
        }
        Header.checkValue("Content-Type", contentType);
    }

    public static Attachment of(Path file) {
        return new Attachment(file, null, null);
    }
}
