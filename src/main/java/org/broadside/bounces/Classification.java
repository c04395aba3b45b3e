package org.broadside.bounces;

import java.time.Instant;
import java.util.List;

/**
 * What the classifier read from one message.
 *
 * @param address            the failed, complaining or unsubscribing address as the message states it, or null
 * @param status             enhanced status code ("5.1.1") or basic reply code ("554") when there is one
 * @param reason             one line for people: the diagnostic, or what gave the message away
 * @param originalMessageIds Message-IDs of the message this one answers (returned headers, In-Reply-To, References)
 * @param verpCandidates     addresses that may carry a VERP token (To, Delivered-To, returned Return-Path...)
 * @param messageKey         the message's own Message-ID, else a digest of its headers: the same message twice has the same key
 * @param messageDate        the message's Date, else when the mailbox received it
 * @param subject            the message's subject, for people reading the scan result
 */
public record Classification(BounceKind kind, String address, String status, String reason,
                             List<String> originalMessageIds, List<String> verpCandidates,
                             String messageKey, Instant messageDate, String subject) {
    public Classification {
        originalMessageIds = List.copyOf(originalMessageIds);
        verpCandidates = List.copyOf(verpCandidates);
    }
}
