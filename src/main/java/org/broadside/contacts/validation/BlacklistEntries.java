package org.broadside.contacts.validation;

/** What may stand on the blacklist: a whole address, or "@domain" for every address of a domain. */
public final class BlacklistEntries {
    private BlacklistEntries() {}

    /** Why entry cannot be blacklisted, in a few words, or null when it can. */
    public static String problem(String entry) {
        String e = entry == null ? "" : entry.strip();
        if (e.isEmpty()) {
            return "empty";
        }
        if (e.startsWith("@")) {
            return EmailSyntax.problem("x" + e) == null ? null : "not a valid domain";
        }
        return EmailSyntax.problem(e);
    }
}
