package org.broadside.bounces;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides what a message in the bounce mailbox is. Reports come first (a DSN or an ARF report is unambiguous),
 * then plain-text bounces, then auto-replies (DSNs carry Auto-Submitted too, so this order matters), then
 * unsubscribe requests; anything else is UNRECOGNISED and must be left alone.
 */
public final class BounceClassifier {
    private static final String[] OWN_ADDRESS_HEADERS = {"To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To"};
    private static final Pattern MESSAGE_ID_LINE = Pattern.compile("(?im)^[ \\t>]*Message-ID:\\s*(<[^<>\\s]+>)");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");
    private static final Pattern SUB_ADDRESS = Pattern.compile("[A-Za-z0-9._%=-]+\\+[A-Za-z0-9-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private final Set<String> unsubscribeAddresses;

    public BounceClassifier() {
        this(Set.of());
    }

    /** @param unsubscribeAddresses the List-Unsubscribe mailto addresses of the campaigns: mail to them is an opt-out */
    public BounceClassifier(Set<String> unsubscribeAddresses) {
        this.unsubscribeAddresses = unsubscribeAddresses.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public Classification classify(MimeMessage m) throws MessagingException, IOException {
        String subject = subject(m);
        InternetAddress from = firstAddress(m, "From");
        List<String> ownAddresses = addresses(m, OWN_ADDRESS_HEADERS);
        List<Part> leaves = MessageParts.leaves(m);
        List<InternetHeaders> returned = MessageParts.returnedHeaders(leaves);
        String body = MessageParts.bodyText(leaves);

        Set<String> messageIds = new LinkedHashSet<>();
        Set<String> verp = new LinkedHashSet<>(ownAddresses);
        for (InternetHeaders h : returned) {
            addIds(messageIds, h.getHeader("Message-ID", null));
            addAll(verp, h.getHeader("Return-Path", ","));
            addAll(verp, h.getHeader("To", ","));
        }
        Finding finding = recognise(m, leaves, subject, from, ownAddresses, body, messageIds);
        addIds(messageIds, m.getHeader("In-Reply-To", " "));
        addIds(messageIds, m.getHeader("References", " "));
        if (finding.kind() != BounceKind.UNSUBSCRIBE && finding.kind() != BounceKind.UNRECOGNISED) {
            // Quoted originals of plain-text bounces; an unsubscribe request may quote anything, so it gets no such trust.
            Matcher ids = MESSAGE_ID_LINE.matcher(body);
            while (ids.find()) messageIds.add(ids.group(1));
            Matcher subs = SUB_ADDRESS.matcher(body);
            while (subs.find()) verp.add(subs.group());
        }
        return new Classification(finding.kind(), finding.address(), finding.status(), finding.reason(),
                List.copyOf(messageIds), List.copyOf(verp), messageKey(m), messageDate(m), subject);
    }

    private Finding recognise(MimeMessage m, List<Part> leaves, String subject, InternetAddress from, List<String> ownAddresses,
                              String body, Set<String> messageIds) throws MessagingException, IOException {
        Optional<Part> dsn = MessageParts.first(leaves, "message/delivery-status");
        if (dsn.isPresent()) {
            String fields = MessageParts.text(dsn.get());
            DeliveryStatusReports.originalMessageId(fields).ifPresent(id -> addIds(messageIds, id));
            return DeliveryStatusReports.read(fields)
                    .orElseGet(() -> new Finding(BounceKind.UNRECOGNISED, null, null, "a delivery report without failures"));
        }
        Optional<Part> arf = MessageParts.first(leaves, "message/feedback-report");
        if (arf.isPresent()) {
            return FeedbackReports.read(MessageParts.text(arf.get()))
                    .orElseGet(() -> new Finding(BounceKind.UNRECOGNISED, null, null, "feedback that is not a complaint"));
        }
        String fromAddress = from == null ? null : from.getAddress();
        String fromName = from == null ? null : from.getPersonal();
        Optional<Finding> plain = PlainTextBounces.read(fromAddress, fromName, subject, m.getHeader("X-Failed-Recipients", ","), body, ownAddresses);
        if (plain.isPresent()) return plain.get();
        if (AutoReplies.isAutoReply(m, subject)) return new Finding(BounceKind.AUTO_REPLY, fromAddress, null, AutoReplies.reason(m));
        if (UnsubscribeRequests.isRequest(ownAddresses, subject, body, unsubscribeAddresses))
            return new Finding(BounceKind.UNSUBSCRIBE, fromAddress, null, "unsubscribe request: " + Finding.shorten(subject == null ? "" : subject));
        return new Finding(BounceKind.UNRECOGNISED, fromAddress, null, null);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            return null; // an undecodable subject does not stop the classification
        }
    }

    private static InternetAddress firstAddress(MimeMessage m, String header) throws MessagingException {
        String value = m.getHeader(header, ",");
        if (value == null) return null;
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
            return parsed.length == 0 ? null : parsed[0];
        } catch (AddressException e) {
            return null;
        }
    }

    private static List<String> addresses(MimeMessage m, String... headers) throws MessagingException {
        Set<String> out = new LinkedHashSet<>();
        for (String h : headers) addAll(out, m.getHeader(h, ","));
        return new ArrayList<>(out);
    }

    private static void addAll(Set<String> out, String headerValue) {
        if (headerValue == null || headerValue.isBlank() || headerValue.strip().equals("<>")) return;
        try {
            for (InternetAddress a : InternetAddress.parseHeader(headerValue, false)) {
                if (a.getAddress() != null && a.getAddress().contains("@")) out.add(a.getAddress());
            }
        } catch (AddressException ignored) {
            // A malformed address header carries no usable evidence.
        }
    }

    private static void addIds(Set<String> out, String headerValue) {
        if (headerValue == null) return;
        Matcher m = MESSAGE_ID.matcher(headerValue);
        while (m.find()) out.add(m.group());
    }

    private static String messageKey(MimeMessage m) throws MessagingException {
        String id = m.getMessageID();
        if (id != null && !id.isBlank()) return id.strip();
        List<String> lines = Collections.list(m.getAllHeaderLines());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Instant messageDate(MimeMessage m) throws MessagingException {
        if (m.getSentDate() != null) return m.getSentDate().toInstant();
        if (m.getReceivedDate() != null) return m.getReceivedDate().toInstant();
        return Instant.now();
    }
}
