package org.broadside.compose;

import org.broadside.campaign.Campaign;
import org.broadside.deliverability.dkim.DkimKey;
import org.broadside.deliverability.dkim.DkimKeyStore;
import org.broadside.mime.MailAddress;

import java.io.IOException;
import java.net.IDN;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;

/** The campaign's sending domain as DNS and DKIM see it: the From domain in punycode, its key, the envelope domain. */
final class SendingDomain {
    private SendingDomain() {}

    static String of(Campaign c) throws ComposeException {
        try {
            String from = c.from() == null ? "" : c.from();
            return IDN.toASCII(MailAddress.parse(from).domain(), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new ComposeException("The From address is not valid: " + e.getMessage(), e);
        }
    }

    /** The domain's DKIM key from the data directory, when one was generated or imported. */
    static Optional<DkimKey> dkimKey(Path dataDirectory, String domain) throws ComposeException {
        try {
            return new DkimKeyStore(dataDirectory).find(domain);
        } catch (IOException | GeneralSecurityException e) {
            throw new ComposeException("The DKIM key of " + domain + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The domain of the campaign's return path (MAIL FROM), or null when the From address is used. */
    static String envelopeDomain(Campaign c) {
        String returnPath = c.delivery().returnPath();
        return returnPath != null && returnPath.contains("@") ? returnPath.substring(returnPath.lastIndexOf('@') + 1) : null;
    }
}
