package org.broadside.mime;

/**
 * A text part's body already charset- and transfer-encoded for one recipient (CRLF lines, 7-bit), ready for
 * {@link MimeTemplate#writeTo(RenderedMessage, EncodedPart, EncodedPart, java.io.OutputStream)}.
 *
 * @param quotedPrintable false when the bytes are the text itself with CRLF breaks, so the part is labelled 7bit
 */
public record EncodedPart(byte[] bytes, boolean quotedPrintable) {
}
