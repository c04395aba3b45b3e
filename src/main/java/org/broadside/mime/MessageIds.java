package org.broadside.mime;

/** Message-IDs that are the same every time a recipient's message is (re)built, so receivers can de-duplicate a re-send. */
public final class MessageIds {
    private MessageIds() {}

    /** {@code "<" + base32(sha256(campaignId + '\0' + recipientKey))[..26] + "@" + fromDomain + ">"}, domain in punycode. */
    public static String forRecipient(String campaignId, String recipientKey, String fromDomain) {
        if (campaignId == null || recipientKey == null || fromDomain == null || fromDomain.isBlank()) {
            throw new IllegalArgumentException("campaign id, recipient key and From domain are required for a Message-ID");
        }
        String domain = MailAddress.asciiDomain(fromDomain);
        return "<" + Base32.sha256(campaignId + '\0' + recipientKey, 26) + "@" + domain + ">";
    }
}
