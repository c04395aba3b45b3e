package org.broadside.delivery.smtp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One MAIL/RCPT/DATA/body/"." exchange. With PIPELINING the MAIL, RCPT and DATA commands go out in one
 * write and their replies are matched one by one; without it, lock-step. After a failed transaction the
 * connection is RSET when still usable.
 */
final class Transaction {
    private final SmtpConnection conn;
    private final long deadline;
    private final SmtpTimeouts t;
    private final boolean alreadyWritten;
    private final Envelope nextEnv;
    private final String nextMailCommand;
    private boolean wroteNext;

    /**
     * @param alreadyWritten this message's MAIL/RCPT/DATA went out behind the previous message's "."
     * @param nextMailCommand when not null, write the next message's group right behind this message's "."
     */
    Transaction(SmtpConnection conn, long deadline, boolean alreadyWritten, Envelope nextEnv, String nextMailCommand) {
        this.conn = conn;
        this.deadline = deadline;
        this.t = conn.timeouts();
        this.alreadyWritten = alreadyWritten;
        this.nextEnv = nextEnv;
        this.nextMailCommand = nextMailCommand;
    }

    boolean wroteNext() {
        return wroteNext;
    }

    TransactionResult run(Envelope env, String mailCommand, MessageBody body, EndOfDataHook hook) throws SmtpException {
        return conn.capabilities().pipelining() || alreadyWritten
                ? pipelined(env, mailCommand, body, hook)
                : lockStep(env, mailCommand, body, hook);
    }

    private TransactionResult pipelined(Envelope env, String mailCommand, MessageBody body, EndOfDataHook hook)
            throws SmtpException {
        if (!alreadyWritten) {
            conn.ensureNothingUnsolicited(Stage.MAIL, false);
            try {
                writeGroup(env, mailCommand);
            } catch (IOException ex) {
                throw conn.failure(ex, Stage.MAIL, false, false);
            }
            conn.flush(Stage.MAIL, false);
        }
        Reply mail = expectNot3xx(conn.read(Stage.MAIL, t.mail().toNanos(), deadline, false), Stage.MAIL);
        List<RecipientReply> rcpts = new ArrayList<>(env.recipients().size());
        boolean anyAccepted = false;
        for (String rcpt : env.recipients()) {
            Reply r = recipientReply(conn.read(Stage.RCPT, t.rcpt().toNanos(), deadline, false));
            rcpts.add(new RecipientReply(rcpt, r));
            anyAccepted |= r.positive();
        }
        Reply data = conn.read(Stage.DATA, t.data().toNanos(), deadline, false);
        boolean go = mail.positive() && anyAccepted;
        if (data.code() == 354 && !go) {
            // The server took DATA although nothing can be delivered: end it with an empty message.
            endEmptyData();
            return new TransactionResult(mail, rcpts, data, null, mail.positive() ? Stage.RCPT : Stage.MAIL);
        }
        if (!go) {
            reset();
            return new TransactionResult(mail, rcpts, data, null, mail.positive() ? Stage.RCPT : Stage.MAIL);
        }
        return afterData(mail, rcpts, data, body, hook);
    }

    private void writeGroup(Envelope env, String mailCommand) throws IOException {
        CommandWriter w = conn.commands();
        w.write(mailCommand, mailCommand);
        for (String rcpt : env.recipients()) {
            String line = "RCPT TO:<" + rcpt + ">";
            w.write(line, line);
        }
        w.write("DATA", "DATA");
    }

    private TransactionResult lockStep(Envelope env, String mailCommand, MessageBody body, EndOfDataHook hook)
            throws SmtpException {
        Reply mail = expectNot3xx(conn.command(mailCommand, Stage.MAIL, t.mail().toNanos(), deadline), Stage.MAIL);
        List<RecipientReply> rcpts = new ArrayList<>(env.recipients().size());
        if (!mail.positive()) {
            reset();
            return new TransactionResult(mail, rcpts, null, null, Stage.MAIL);
        }
        boolean anyAccepted = false;
        for (String rcpt : env.recipients()) {
            Reply r = recipientReply(conn.command("RCPT TO:<" + rcpt + ">", Stage.RCPT, t.rcpt().toNanos(), deadline));
            rcpts.add(new RecipientReply(rcpt, r));
            anyAccepted |= r.positive();
        }
        if (!anyAccepted) {
            reset();
            return new TransactionResult(mail, rcpts, null, null, Stage.RCPT);
        }
        Reply data = conn.command("DATA", Stage.DATA, t.data().toNanos(), deadline);
        return afterData(mail, rcpts, data, body, hook);
    }

    private TransactionResult afterData(Reply mail, List<RecipientReply> rcpts, Reply data, MessageBody body,
                                        EndOfDataHook hook) throws SmtpException {
        if (data.code() != 354) {
            if (data.positive()) {
                throw conn.protocolError("the server answered DATA with " + data.code() + " instead of 354", Stage.DATA);
            }
            reset();
            return new TransactionResult(mail, rcpts, data, null, Stage.DATA);
        }
        Reply end = sendBody(body, hook);
        if (end.code() / 100 != 2 && end.code() / 100 != 4 && end.code() / 100 != 5) {
            throw new SmtpProtocolException("the server answered the end of data with " + end.code(),
                    Stage.END_OF_DATA, true, end, null);
        }
        return new TransactionResult(mail, rcpts, data, end, end.positive() ? null : Stage.END_OF_DATA);
    }

    private Reply sendBody(MessageBody body, EndOfDataHook hook) throws SmtpException {
        conn.ensureNothingUnsolicitedBuffered(Stage.BODY);
        DotStuffingOutputStream data = conn.dataStream();
        data.reset(body.wireReady());
        try {
            body.writeTo(data);
            data.finishBody();
        } catch (WireIOException ex) {
            throw conn.failure(ex, Stage.BODY, false, false);
        } catch (IOException | RuntimeException ex) {
            conn.kill();
            throw new MessageBodyException("the message could not be written: " + ex.getMessage(), ex);
        }
        conn.listener().line(Direction.INFO, "message body, " + data.count() + " bytes");
        try {
            hook.beforeEndOfData();
        } catch (IOException | RuntimeException ex) {
            conn.kill();
            throw new EndOfDataHookException("the final \".\" was not sent because recording it failed: "
                    + ex.getMessage(), Stage.BODY, false, null, ex);
        }
        if (System.nanoTime() - deadline > 0) {
            conn.kill();
            throw new SmtpTimeoutException("the transaction passed its deadline of "
                    + t.transactionDeadline().toSeconds() + " s before the end of data", Stage.BODY, false, null, null);
        }
        conn.ensureNothingUnsolicited(Stage.END_OF_DATA, false);
        try {
            conn.out().write(SmtpConnection.endOfDataBytes());
        } catch (IOException ex) {
            throw conn.failure(ex, Stage.BODY, false, false);
        }
        // From here on the server may have queued the message: every failure says endOfDataSent.
        conn.listener().line(Direction.CLIENT, ".");
        if (nextMailCommand != null) {
            conn.listener().nextMessageAhead();
            try {
                writeGroup(nextEnv, nextMailCommand);
            } catch (IOException ex) {
                throw conn.failure(ex, Stage.END_OF_DATA, true, false);
            }
            wroteNext = true;
        }
        conn.flush(Stage.END_OF_DATA, true);
        Reply end = conn.read(Stage.END_OF_DATA, t.dataEnd().toNanos(), deadline, true);
        if (!wroteNext) {
            // Replies to the next message's commands may legitimately be waiting; otherwise nothing may.
            conn.ensureNothingUnsolicited(Stage.END_OF_DATA, true);
        }
        return end;
    }

    private void endEmptyData() throws SmtpException {
        try {
            conn.out().write(SmtpConnection.endOfDataBytes());
        } catch (IOException ex) {
            throw conn.failure(ex, Stage.BODY, false, false);
        }
        conn.listener().line(Direction.CLIENT, ".");
        conn.flush(Stage.END_OF_DATA, false);
        conn.read(Stage.END_OF_DATA, t.dataEnd().toNanos(), deadline, false);
    }

    /** RFC 5321 lets servers say 552 for "too many recipients"; it is a try-later, like 452. */
    static Reply recipientReply(Reply r) {
        return r.code() == 552 ? new Reply(452, r.enhancedCode() == null ? null : "4" + r.enhancedCode().substring(1),
                r.lines()) : r;
    }

    private Reply expectNot3xx(Reply r, Stage stage) throws SmtpException {
        if (r.code() / 100 == 3) {
            throw conn.protocolError("the server answered " + stage + " with " + r.code(), stage);
        }
        return r;
    }

    /** RSET after a failed transaction; if that fails too, the connection is simply not reused. */
    private void reset() {
        if (!conn.isUsable()) {
            return;
        }
        try {
            Reply r = conn.command("RSET", Stage.RSET, t.mail().toNanos(), deadline);
            if (r.code() != 250) {
                conn.kill();
            }
        } catch (SmtpException ex) {
            conn.listener().line(Direction.INFO, "RSET failed, connection will not be reused: " + ex.getMessage());
        }
    }
}
