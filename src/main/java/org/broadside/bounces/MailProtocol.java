package org.broadside.bounces;

/** How Broadside reads a mailbox. POP3 knows only the inbox, so processed messages can be deleted but not moved. */
public enum MailProtocol {
    IMAP(993, 143), POP3(995, 110);

    private final int tlsPort;
    private final int plainPort;

    MailProtocol(int tlsPort, int plainPort) {
        this.tlsPort = tlsPort;
        this.plainPort = plainPort;
    }

    public int defaultPort(boolean tls) { return tls ? tlsPort : plainPort; }

    /** The Jakarta Mail store name: imaps/pop3s are TLS from the first byte. */
    String storeName(boolean tls) {
        String base = this == IMAP ? "imap" : "pop3";
        return tls ? base + "s" : base;
    }
}
