/**
 * Broadside's own strict SMTP client: it only moves bytes (MIME is built elsewhere with Angus Mail).
 *
 * <p>Why not Angus {@code SMTPTransport}: infinite default timeouts, multi-line replies judged by their first
 * line, no detection of unsolicited lines, no PIPELINING, no difference between a connection lost before and
 * after the final ".", optional STARTTLS, no TCP_NODELAY (see the project's smtp guide).
 *
 * <p>Rules kept here: every reply line's code is checked; a line over 4 KB or a reply over 100 lines is a
 * protocol error read with a fixed 16 KB buffer; a byte that arrives when no reply is expected is a protocol
 * error (checked with {@code available()} before each write); per-wait timeouts (RFC 5321 4.5.3.2) count
 * the whole reply, and a transaction deadline shrinks SO_TIMEOUT before every read so a trickling server
 * cannot stretch it; a watchdog thread aborts writes that stall. 421 anywhere throws
 * {@link org.broadside.delivery.smtp.ServerClosingException}. {@link org.broadside.delivery.smtp.SmtpException#endOfDataSent()}
 * is true only once the terminating "." was handed to the socket.
 *
 * <p>Addresses: CR, LF, NUL, controls, angle brackets and spaces are refused; non-ASCII only with SMTPUTF8.
 * IDN domains must be converted to punycode by the caller ({@link java.net.IDN#toASCII(String)}).
 *
 * <p>TLS: TLS 1.2+, JDK trust store, host name checked like HTTPS; a pinned SHA-256 fingerprint trusts exactly
 * that leaf certificate instead (no name check, no chain). STARTTLS required means no AUTH and no message
 * unless the upgrade happened.
 */
package org.broadside.delivery.smtp;
