package org.broadside.bounces;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Opt-out requests: a message to a List-Unsubscribe mailto address (one of the known addresses, or any address whose
 * local part is "unsubscribe" or starts with "unsubscribe+" / "unsubscribe-"), or "unsubscribe" in the subject or
 * the first line of the text, in the common languages.
 */
final class UnsubscribeRequests {
    private static final Pattern WORDS = Pattern.compile("(?iu)(\\bunsubscribe\\b|\\bremove me\\b|\\bopt[- ]?out\\b|\\babmelden\\b|\\baustragen\\b"
            + "|d[ée]sabonner|d[ée]sinscri|darme de baja|dar de baja|\\bbaja\\b de la lista|cancelar (la )?suscripci[óo]n|\\bdisiscri|cancellami"
            + "|\\bafmelden\\b|\\buitschrijven\\b|\\bavregistrera\\b|\\bavsluta prenumeration|descadastr|wypisz)");

    private UnsubscribeRequests() {}

    static boolean isRequest(Collection<String> recipients, String subject, String body, Set<String> knownMailtoAddresses) {
        for (String r : recipients) {
            String lower = r.toLowerCase(Locale.ROOT);
            if (knownMailtoAddresses.contains(lower)) return true;
            String local = lower.substring(0, Math.max(0, lower.indexOf('@')));
            if (local.equals("unsubscribe") || local.startsWith("unsubscribe+") || local.startsWith("unsubscribe-")) return true;
        }
        if (subject != null && WORDS.matcher(subject).find()) return true;
        String first = firstLine(body);
        return first != null && WORDS.matcher(first).find();
    }

    /** The first non-empty line that is not quoted: what the person typed. */
    static String firstLine(String body) {
        for (String line : body.split("\\R")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith(">")) continue;
            return s;
        }
        return null;
    }
}
