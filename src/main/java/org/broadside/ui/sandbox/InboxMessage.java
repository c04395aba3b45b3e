package org.broadside.ui.sandbox;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** One message the sandbox received, flattened to what the inbox shows. */
public record InboxMessage(int index, String to, String from, String subject, String raw) {

    static InboxMessage of(int index, MimeMessage m) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return new InboxMessage(index, addresses(m.getRecipients(Message.RecipientType.TO)),
                    addresses(m.getFrom()), m.getSubject() == null ? "" : m.getSubject(),
                    out.toString(StandardCharsets.UTF_8));
        } catch (MessagingException | IOException e) {
            return new InboxMessage(index, "?", "?", "(unreadable: " + e.getMessage() + ")", "");
        }
    }

    private static String addresses(Address[] a) {
        return a == null ? "" : Arrays.stream(a).map(Address::toString).collect(Collectors.joining(", "));
    }
}
