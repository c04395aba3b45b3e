package org.broadside.compose;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountKind;
import org.broadside.accounts.AccountRepository;
import org.broadside.campaign.CampaignDocument;
import org.broadside.deliverability.checks.DomainChecks;
import org.broadside.deliverability.checks.SendingSetup;
import org.broadside.deliverability.dkim.DkimKey;
import org.broadside.deliverability.dns.DnsLookup;
import org.broadside.deliverability.dns.DnsjavaLookup;
import org.broadside.merge.Severity;
import org.broadside.store.Database;

import java.util.List;
import java.util.Optional;

/** The DNS side of the pre-send check: the From domain's SPF, DKIM, DMARC and MX against the campaign's relay and key. */
public final class DomainSetupChecks {
    private DomainSetupChecks() {}

    public static List<CheckLine> check(CampaignDocument doc, Database db) {
        return check(doc, db, DnsjavaLookup.system());
    }

    /**
     * Direct delivery: the receivers see this machine's IP, which Broadside cannot know behind NAT; the EHLO name is
     * expected to point at it, so its address stands in for the sending IP, and forward and reverse DNS of that
     * address are checked against the EHLO name (with a warning when it has no address at all).
     */
    static List<CheckLine> directChecks(CampaignDocument doc, Database db, DnsLookup dns, String fromDomain, Account account) {
        String ehlo = account.ehloName() != null ? account.ehloName() : fromDomain;
        List<java.net.InetAddress> addresses;
        try {
            addresses = dns.addresses(ehlo);
        } catch (org.broadside.deliverability.dns.DnsException e) {
            return List.of(new CheckLine(Severity.WARNING, "domain", 0, 0, "the EHLO name " + ehlo + " could not be looked up: " + e.getMessage(), CheckCode.DOMAIN_SETUP, ehlo));
        }
        if (addresses.isEmpty()) {
            return List.of(new CheckLine(Severity.WARNING, "domain", 0, 0, "the EHLO name " + ehlo
                    + " has no address in DNS; receivers compare the sending IP's reverse DNS with it. Fix: give the account an EHLO"
                    + " name whose A record is this machine's public IP and whose PTR record names it back", CheckCode.DOMAIN_SETUP, ehlo));
        }
        DkimKey key;
        try {
            key = SendingDomain.dkimKey(db.directory(), fromDomain).orElse(null);
        } catch (ComposeException e) {
            return List.of(new CheckLine(Severity.ERROR, "DKIM", 0, 0, "the DKIM key of " + fromDomain + " cannot be read: " + e.getCause().getMessage(), CheckCode.DOMAIN_DKIM, fromDomain));
        }
        String envelopeDomain = SendingDomain.envelopeDomain(doc.campaign());
        return DomainCheckLines.of(new DomainChecks(dns), SendingSetup.direct(fromDomain, envelopeDomain, addresses.get(0), ehlo, key));
    }

    public static List<CheckLine> check(CampaignDocument doc, Database db, DnsLookup dns) {
        String fromDomain;
        try {
            fromDomain = SendingDomain.of(doc.campaign());
        } catch (ComposeException e) {
            return List.of(); // the From problem is already reported by CampaignChecks
        }
        Optional<Account> account = doc.campaign().account().isEmpty() ? Optional.empty()
                : new AccountRepository(db).find(doc.campaign().account().get(0));
        String relay = account.filter(a -> a.kind() != AccountKind.DIRECT).map(Account::host).orElse(null);
        if (account.isPresent() && account.get().kind() == AccountKind.DIRECT) {
            return directChecks(doc, db, dns, fromDomain, account.get());
        }
        if (relay == null) {
            return List.of(new CheckLine(Severity.WARNING, "domain", 0, 0,
                    "SPF, DKIM and DMARC of " + fromDomain + " are checked once the campaign has an existing account", CheckCode.DOMAIN_SETUP, fromDomain));
        }
        DkimKey key;
        try {
            key = SendingDomain.dkimKey(db.directory(), fromDomain).orElse(null);
        } catch (ComposeException e) {
            return List.of(new CheckLine(Severity.ERROR, "DKIM", 0, 0, "the DKIM key of " + fromDomain + " cannot be read: " + e.getCause().getMessage(), CheckCode.DOMAIN_DKIM, fromDomain));
        }
        String envelopeDomain = SendingDomain.envelopeDomain(doc.campaign());
        return DomainCheckLines.of(new DomainChecks(dns), SendingSetup.relay(fromDomain, envelopeDomain, relay, key));
    }
}
