package org.broadside.bounces;

import java.util.Locale;

/** Keys of mailbox passwords in the credential store; lower-cased because mailbox names are unique ignoring case. */
public final class MailboxCredentials {
    private MailboxCredentials() {}

    public static String key(String mailboxName) { return "mailbox:" + mailboxName.strip().toLowerCase(Locale.ROOT); }
}
