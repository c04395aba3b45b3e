package org.broadside.testing.smtp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the {@link ScriptedSmtpServer} does at one step: reply (possibly multi-line), trickle, add stray lines, or hang up. */
public final class ScriptedAction {
    final List<String> lines = new ArrayList<>();
    final List<String> stray = new ArrayList<>();
    boolean disconnect;
    boolean hangUp;
    boolean closeAfterReply;
    boolean silent;
    Duration trickle;
    int hugeLineBytes;

    /** The full reply lines, e.g. reply("550 5.1.1 No such user") or reply("250-ok", "550 no"). */
    public ScriptedAction reply(String... replyLines) {
        lines.clear();
        lines.addAll(List.of(replyLines));
        return this;
    }

    /** Hang up without replying (for DATA content: right after the 354 when used on BODY). */
    public ScriptedAction disconnect() {
        disconnect = true;
        return this;
    }

    /** Close the connection cleanly (FIN, no reset) without replying: earlier replies still reach the client. */
    public ScriptedAction hangUp() {
        hangUp = true;
        return this;
    }

    /** Send the reply, then close the connection cleanly. */
    public ScriptedAction thenClose() {
        closeAfterReply = true;
        return this;
    }

    /** Never answer, keep the connection open. */
    public ScriptedAction silence() {
        silent = true;
        return this;
    }

    /** Unsolicited lines written in the same write right after the reply. */
    public ScriptedAction thenSend(String... strayLines) {
        stray.addAll(List.of(strayLines));
        return this;
    }

    /** Write the reply one byte at a time with this pause between bytes. */
    public ScriptedAction trickle(Duration perByte) {
        trickle = perByte;
        return this;
    }

    /** Reply with a single "250 xxxx..." line of this many bytes (tests bounded memory). */
    public ScriptedAction hugeLine(int bytes) {
        hugeLineBytes = bytes;
        return this;
    }
}
