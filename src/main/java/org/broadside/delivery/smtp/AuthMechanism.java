package org.broadside.delivery.smtp;

/** The SASL mechanism used to log in; chosen by the account, never negotiated down silently. */
public enum AuthMechanism {
    NONE("NONE"), PLAIN("PLAIN"), LOGIN("LOGIN"), CRAM_MD5("CRAM-MD5"), XOAUTH2("XOAUTH2");

    private final String keyword;

    AuthMechanism(String keyword) {
        this.keyword = keyword;
    }

    /** The name the server lists after AUTH in its EHLO reply. */
    public String keyword() {
        return keyword;
    }
}
