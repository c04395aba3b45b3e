package org.broadside.delivery.smtp;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the message (RFC 5322 bytes, may use bare LF) to the stream; the client CRLF-normalises and dot-stuffs. */
public interface MessageBody {
    void writeTo(OutputStream out) throws IOException;

    /** True when headers carry raw UTF-8 (RFC 6532): needs SMTPUTF8 from the server. */
    boolean requiresSmtpUtf8();

    /**
     * True when the bytes are already DATA content (CRLF line ends only, no line starting with "."), so the client
     * writes them without dot-stuffing; it still ends the content with CRLF. Say so only when guaranteed.
     */
    default boolean wireReady() {
        return false;
    }

    /** True when the body has 8-bit content: needs 8BITMIME and is sent with BODY=8BITMIME. */
    default boolean requires8BitMime() {
        return requiresSmtpUtf8();
    }

    /** A body from prepared bytes, handy for tests and templates. */
    static MessageBody of(byte[] bytes) {
        return new MessageBody() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }

            @Override
            public boolean requiresSmtpUtf8() {
                return false;
            }
        };
    }
}
