package org.broadside.bounces;

import java.util.Locale;
import java.util.Optional;

/**
 * VERP envelope senders: {@code bounces+TOKEN@example.com}, where TOKEN names the campaign and the recipient's
 * sequence number, so a bounce maps back to its recipient whatever the remote server writes in it.
 * TOKEN is {@code <campaign base36>-<seq base36><check>}: lower-case only (some servers lower-case local parts),
 * and the check character keeps ordinary sub-addresses such as {@code bounces+news-a} from being read as tokens.
 */
public final class VerpAddresses {
    private static final int RADIX = 36;

    private VerpAddresses() {}

    /** The campaign and recipient a VERP address stands for. */
    public record Token(long campaignId, long recipientSeq) {}

    /** {@code localPart+TOKEN@domain}; campaignId and recipientSeq must be positive. */
    public static String encode(String localPart, String domain, long campaignId, long recipientSeq) {
        if (localPart == null || localPart.isBlank() || localPart.contains("@"))
            throw new IllegalArgumentException("The local part of a VERP address must be non-empty and have no '@'.");
        if (domain == null || domain.isBlank() || domain.contains("@"))
            throw new IllegalArgumentException("The domain of a VERP address must be non-empty and have no '@'.");
        if (campaignId <= 0 || recipientSeq <= 0)
            throw new IllegalArgumentException("Campaign id and recipient sequence must be positive.");
        String body = Long.toString(campaignId, RADIX) + "-" + Long.toString(recipientSeq, RADIX);
        return localPart + "+" + body + check(body) + "@" + domain.toLowerCase(Locale.ROOT);
    }

    /** The token of a VERP address (with or without angle brackets, any case); empty for any other address. */
    public static Optional<Token> decode(String address) {
        if (address == null) return Optional.empty();
        String a = address.strip().toLowerCase(Locale.ROOT);
        if (a.startsWith("<") && a.endsWith(">")) a = a.substring(1, a.length() - 1);
        int at = a.lastIndexOf('@');
        if (at <= 0) return Optional.empty();
        String local = a.substring(0, at);
        int plus = local.lastIndexOf('+');
        if (plus <= 0 || plus == local.length() - 1) return Optional.empty();
        String token = local.substring(plus + 1);
        if (token.length() < 4) return Optional.empty();
        String body = token.substring(0, token.length() - 1);
        char check = token.charAt(token.length() - 1);
        int dash = body.indexOf('-');
        if (dash <= 0 || dash != body.lastIndexOf('-') || dash == body.length() - 1) return Optional.empty();
        if (!body.chars().allMatch(ch -> ch == '-' || Character.digit(ch, RADIX) >= 0)) return Optional.empty();
        if (check(body) != check) return Optional.empty();
        try {
            long campaign = Long.parseLong(body.substring(0, dash), RADIX);
            long seq = Long.parseLong(body.substring(dash + 1), RADIX);
            return campaign > 0 && seq > 0 ? Optional.of(new Token(campaign, seq)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty(); // longer than a long: not one of ours
        }
    }

    /** A weighted sum of the digits, base 36: catches a changed digit and most swapped neighbours. */
    private static char check(String body) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            int v = ch == '-' ? 17 : Character.digit(ch, RADIX);
            sum = (sum + v * weight) % RADIX;
            weight = weight % 7 + 2;
        }
        return Character.forDigit(sum, RADIX);
    }
}
