package org.broadside.delivery.smtp;

/** The server's answer to one RCPT TO. */
public record RecipientReply(String address, Reply reply) {
    /** True when the server accepted this recipient (2xx). */
    public boolean accepted() {
        return reply != null && reply.positive();
    }
}
