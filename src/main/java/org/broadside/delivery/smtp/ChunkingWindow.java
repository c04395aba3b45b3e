package org.broadside.delivery.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Several messages in flight on one connection (RFC 3030 CHUNKING with RFC 2920 PIPELINING): each message goes out as
 * MAIL, RCPT and one {@code BDAT n LAST} with its bytes, without waiting for a 354 or for the previous message's
 * receipt, and the replies are read later, oldest first, so each receipt is matched to the message it answers.
 *
 * <p>The hook of a message runs before its BDAT command is written: once the chunk is complete the server may accept
 * the message, so nothing of it that could complete it leaves before its "in flight" mark is durable. A connection
 * lost with messages in flight leaves exactly those in doubt: {@link #receipt()} then throws with
 * {@link SmtpException#endOfDataSent()} for each of them. At most {@link #size()} are in flight.
 *
 * <p>After a refused message an RSET goes out in front of the next message written, in the same pipeline, in case
 * the server kept a half-open transaction; a 503 to a pipelined MAIL (bad sequence, which says nothing about the
 * recipient) is reported as a temporary refusal so the recipient is retried, not failed.
 */
public final class ChunkingWindow {
    private final SmtpConnection conn;
    private final int size;
    private final SmtpTimeouts t;
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(16 * 1024);
    private final DotStuffingOutputStream normaliser = new DotStuffingOutputStream(chunk, false);
    /** A message was refused since the last RSET: the next message written starts with RSET. */
    private boolean resetPending;
    /** The server said 421: it closed the connection and answers nothing written after that reply. */
    private Reply closedWith;

    /** One message written and not yet answered: its recipients (for the RCPT replies) and its deadline. */
    private record InFlight(List<String> recipients, boolean resetFirst, long deadline) {}

    ChunkingWindow(SmtpConnection conn, int size) {
        this.conn = conn;
        this.size = size;
        this.t = conn.timeouts();
    }

    /** How many messages may be in flight at once. */
    public int size() {
        return size;
    }

    /** Messages written whose receipt was not read yet. */
    public int inFlight() {
        return inFlight.size();
    }

    public boolean full() {
        return inFlight.size() >= size;
    }

    /**
     * Writes one message and returns without reading any reply; its outcome comes from a later {@link #receipt()}.
     * A refused envelope ({@link InvalidEnvelopeException}) writes nothing. Any other exception is this message's
     * own outcome (it is not in flight then); {@link SmtpException#endOfDataSent()} says whether its chunk may have
     * reached the server. Must not be called when {@link #full()}.
     */
    public void send(Envelope env, MessageBody body, EndOfDataHook hook) throws SmtpException {
        if (full()) {
            throw new IllegalStateException("the window is full: read a receipt first");
        }
        if (closedWith != null || !conn.isUsable()) {
            throw new SmtpConnectionLostException("the connection is no longer usable", Stage.MAIL, false, null, null);
        }
        String mailCommand = MailCommands.mailFrom(env, body, conn.capabilities());
        int length = buildChunk(body);
        if (inFlight.isEmpty()) {
            // Nothing is expected now, so anything waiting could pass for the next answer.
            conn.ensureNothingUnsolicited(Stage.MAIL, false);
        }
        long deadline = System.nanoTime() + t.transactionDeadline().toNanos();
        conn.writeDeadline(deadline);
        try {
            boolean resetFirst = resetPending;
            writeEnvelope(env, mailCommand, resetFirst);
            resetPending = false;
            try {
                (hook == null ? EndOfDataHook.NONE : hook).beforeEndOfData();
            } catch (IOException | RuntimeException ex) {
                conn.kill();
                throw new EndOfDataHookException("the message was not sent because recording it failed: " + ex.getMessage(),
                        Stage.BODY, false, null, ex);
            }
            String line = "BDAT " + length + " LAST";
            try {
                conn.commands().write(line, line);
                chunk.writeTo(conn.out());
                // From here on the server may take the message: every failure about it says endOfDataSent.
                conn.listener().line(Direction.INFO, "message body, " + length + " bytes");
                conn.out().flush();
            } catch (IOException ex) {
                throw lost(conn.writeFailure(ex, Stage.END_OF_DATA, true));
            }
            inFlight.addLast(new InFlight(env.recipients(), resetFirst, deadline));
        } finally {
            conn.writeDeadline(Long.MAX_VALUE);
        }
    }

    /**
     * Reads the replies of the oldest message in flight. Refusals come back in the result; a lost connection, a
     * timeout or a protocol violation is thrown with {@link SmtpException#endOfDataSent()} set (the server may have
     * taken the message), a 421 as {@link ServerClosingException}, and each message behind a 421 as
     * {@link ClosedBeforeAnswerException}.
     */
    public TransactionResult receipt() throws SmtpException {
        InFlight f = inFlight.pollFirst();
        if (f == null) {
            throw new IllegalStateException("no message in flight");
        }
        if (closedWith != null) {
            throw new ClosedBeforeAnswerException("the server closed the connection (" + closedWith + ") before answering this message",
                    Stage.MAIL, closedWith);
        }
        if (!conn.readable()) {
            throw new SmtpConnectionLostException("the connection was lost with this message's data sent", Stage.END_OF_DATA,
                    true, null, null);
        }
        try {
            TransactionResult result = read(f);
            if (inFlight.isEmpty()) {
                if (!conn.isUsable()) {
                    // A write failed earlier: every receipt that could still be read has been.
                    conn.kill();
                } else {
                    // Everything asked was answered: a further line could only pass for a later answer.
                    conn.ensureNothingUnsolicited(Stage.END_OF_DATA, true);
                }
            }
            if (!result.accepted()) {
                resetPending = true;
            }
            return result;
        } catch (ServerClosingException ex) {
            closedWith = ex.reply();
            throw ex;
        }
    }

    private TransactionResult read(InFlight f) throws SmtpException {
        if (f.resetFirst()) {
            Reply rset = conn.read(Stage.RSET, t.mail().toNanos(), f.deadline(), true);
            if (rset.code() != 250) {
                throw violation("the server answered RSET with " + rset.code(), Stage.RSET, rset);
            }
        }
        Reply mail = conn.read(Stage.MAIL, t.mail().toNanos(), f.deadline(), true);
        if (mail.code() / 100 == 3) {
            throw violation("the server answered MAIL with " + mail.code(), Stage.MAIL, mail);
        }
        if (mail.code() == 503) {
            // Out of step with a transaction the server still held open: says nothing about this recipient.
            mail = new Reply(451, "4.5.0", List.of("bad sequence (" + mail + "); will be retried"));
        }
        List<RecipientReply> rcpts = new ArrayList<>(f.recipients().size());
        boolean anyAccepted = false;
        for (String rcpt : f.recipients()) {
            Reply r = Transaction.recipientReply(conn.read(Stage.RCPT, t.rcpt().toNanos(), f.deadline(), true));
            if (r.code() / 100 == 3) {
                throw violation("the server answered RCPT with " + r.code(), Stage.RCPT, r);
            }
            rcpts.add(new RecipientReply(rcpt, r));
            anyAccepted |= r.positive();
        }
        Reply end = conn.read(Stage.END_OF_DATA, t.dataEnd().toNanos(), f.deadline(), true);
        int kind = end.code() / 100;
        if (kind != 2 && kind != 4 && kind != 5) {
            throw violation("the server answered BDAT with " + end.code(), Stage.END_OF_DATA, end);
        }
        if (!mail.positive() || !anyAccepted) {
            if (end.positive()) {
                // Accepted without an accepted sender or recipient: the replies cannot be trusted to match.
                throw violation("the server accepted a message whose " + (mail.positive() ? "recipients" : "sender")
                        + " it refused", Stage.END_OF_DATA, end);
            }
            return new TransactionResult(mail, rcpts, null, null, mail.positive() ? Stage.RCPT : Stage.MAIL);
        }
        return new TransactionResult(mail, rcpts, null, end, end.positive() ? null : Stage.END_OF_DATA);
    }

    private SmtpProtocolException violation(String message, Stage stage, Reply reply) {
        conn.kill();
        return new SmtpProtocolException(message, stage, true, reply, null);
    }

    private void writeEnvelope(Envelope env, String mailCommand, boolean resetFirst) throws SmtpException {
        CommandWriter w = conn.commands();
        try {
            if (resetFirst) {
                w.write("RSET", "RSET");
            }
            w.write(mailCommand, mailCommand);
            for (String rcpt : env.recipients()) {
                String line = "RCPT TO:<" + rcpt + ">";
                w.write(line, line);
            }
        } catch (IOException ex) {
            throw lost(conn.writeFailure(ex, Stage.MAIL, false));
        }
    }

    /** After a failed write the receipts already sent by the server can still be read; with none awaited, close. */
    private SmtpException lost(SmtpException failure) {
        if (inFlight.isEmpty()) {
            conn.kill();
        }
        return failure;
    }

    /** The chunk's bytes: CRLF line ends, ending with CRLF, no dot-stuffing (BDAT content goes as is). */
    private int buildChunk(MessageBody body) throws MessageBodyException {
        chunk.reset();
        normaliser.reset(body.wireReady());
        try {
            body.writeTo(normaliser);
            normaliser.finishBody();
        } catch (IOException | RuntimeException ex) {
            throw new MessageBodyException("the message could not be written: " + ex.getMessage(), ex);
        }
        return chunk.size();
    }
}
