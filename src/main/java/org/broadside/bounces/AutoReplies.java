package org.broadside.bounces;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Locale;
import java.util.regex.Pattern;

/** Out-of-office and other automatic replies (RFC 3834 and the headers and subjects common mail programs use). */
final class AutoReplies {
    private static final Pattern SUBJECT = Pattern.compile("(?i)(out of (the )?office|automatic reply|auto[- ]?reply|auto[- ]?response|autoresponder"
            + "|vacation (reply|message|notice)|on vacation|away from (my|the) (desk|office)|abwesenheit|automatische antwort|außer haus|ausser haus"
            + "|r[ée]ponse automatique|absence du bureau|message d'absence|respuesta autom[áa]tica|fuera de la oficina|risposta automatica|fuori sede"
            + "|fuori ufficio|automatisch antwoord|afwezigheidsbericht|afwezig|resposta autom[áa]tica|fora do escrit[óo]rio|autosvar|fr[åa]nvaro"
            + "|automaattinen vastaus|odpowied[źz] automatyczna|poza biurem|automatick[áa] odpov[ěe]d)");

    private AutoReplies() {}

    static boolean isAutoReply(MimeMessage m, String subject) throws MessagingException {
        String submitted = m.getHeader("Auto-Submitted", null);
        if (submitted != null && !submitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) return true;
        if (m.getHeader("X-Autoreply", null) != null || m.getHeader("X-Autorespond", null) != null
                || m.getHeader("X-Autoresponder", null) != null || m.getHeader("X-Vacation", null) != null) return true;
        String precedence = m.getHeader("Precedence", null);
        if (precedence != null && precedence.strip().equalsIgnoreCase("auto_reply")) return true;
        return subject != null && SUBJECT.matcher(subject).find();
    }

    /** Why the message counts as an automatic reply, for the event list. */
    static String reason(MimeMessage m) throws MessagingException {
        String submitted = m.getHeader("Auto-Submitted", null);
        if (submitted != null) return "Auto-Submitted: " + submitted.strip();
        return "automatic reply";
    }
}
