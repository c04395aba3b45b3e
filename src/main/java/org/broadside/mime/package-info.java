/**
 * Building RFC 5322 messages for one recipient from already-merged strings.
 * {@link org.broadside.mime.MimeTemplate} is the engine's fast path (structure prepared once per campaign,
 * each message written straight to the SMTP stream); {@link org.broadside.mime.AngusMessageFactory} is the
 * Angus Mail reference the tests hold it to. Output is always 7-bit, CRLF, deterministic.
 */
package org.broadside.mime;
