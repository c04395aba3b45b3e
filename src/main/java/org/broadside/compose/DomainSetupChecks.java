package org.broadside.compose;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountRepository;
import org.broadside.campaign.CampaignDocument;
import org.broadside.deliverability.checks.DomainChecks;
import org.broadside.deliverability.checks.SendingSetup;
import org.broadside.deliverability.dkim.DkimKey;
import org.broadside.deliverability.dkim.DkimKeyStore;
import org.broadside.deliverability.dns.DnsLookup;
import org.broadside.deliverability.dns.DnsjavaLookup;
import org.broadside.merge.Severity;
import org.broadside.mime.MailAddress;
import org.broadside.store.Database;

import java.util.List;
import java.util.Optional;

/** The DNS side of the pre-send check: the From domain's SPF, DKIM, DMARC and MX against the campaign's relay and key. */
public final class DomainSetupChecks {
    private DomainSetupChecks() {}

    public static List<CheckLine> check(CampaignDocument doc, Database db) {
        return check(doc, db, DnsjavaLookup.system());
    }

    public static List<CheckLine> check(CampaignDocument doc, Database db, DnsLookup dns) {
        String fromDomain;
        try {
            fromDomain = java.net.IDN.toASCII(MailAddress.parse(doc.campaign().from()).domain(), java.net.IDN.ALLOW_UNASSIGNED);
        } catch (RuntimeException e) {
            return List.of(); // the From problem is already reported by CampaignChecks
        }
        String relay = doc.campaign().account().isEmpty() ? null
                : new AccountRepository(db).find(doc.campaign().account().get(0)).map(Account::host).orElse(null);
        if (relay == null) {
            return List.of(new CheckLine(Severity.WARNING, "domain", 0, 0,
                    "SPF, DKIM and DMARC of " + fromDomain + " are checked once the campaign has an existing account"));
        }
        DkimKey key;
        try {
            key = new DkimKeyStore(db.directory()).find(fromDomain).orElse(null);
        } catch (Exception e) {
            return List.of(new CheckLine(Severity.ERROR, "DKIM", 0, 0, "the DKIM key of " + fromDomain + " cannot be read: " + e.getMessage()));
        }
        String returnPath = doc.campaign().delivery().returnPath();
        String envelopeDomain = Optional.ofNullable(returnPath).filter(r -> r.contains("@")).map(r -> r.substring(r.lastIndexOf('@') + 1)).orElse(null);
        return new DomainChecks(dns).checkLines(SendingSetup.relay(fromDomain, envelopeDomain, relay, key));
    }
}
