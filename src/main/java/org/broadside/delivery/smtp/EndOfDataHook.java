package org.broadside.delivery.smtp;

import java.io.IOException;

/**
 * Called after the whole body was written, just BEFORE the terminating "." is written. The engine makes
 * "end of data sent" durable here (RFC 1047 duplicate window); it may block.
 */
@FunctionalInterface
public interface EndOfDataHook {
    EndOfDataHook NONE = () -> { };

    void beforeEndOfData() throws IOException;
}
