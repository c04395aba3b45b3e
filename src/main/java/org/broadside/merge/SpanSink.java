package org.broadside.merge;

/**
 * Receives a rendering in pieces, so a writer can reuse work done once per campaign for the template's literal text
 * (the MIME layer's quoted-printable of it): literals arrive as the very String objects of {@link Template#literals()}.
 */
public interface SpanSink {
    /** Literal template text, as written. */
    void literal(String text);

    /** Where merged values are appended, between the literals. */
    StringBuilder merged();
}
