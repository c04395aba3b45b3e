package org.broadside.deliverability.checks;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.broadside.deliverability.checks.SpfEvaluator.Evaluation;
import org.broadside.deliverability.checks.SpfEvaluator.Result;
import org.broadside.deliverability.dns.DnsException;
import org.broadside.deliverability.dns.DnsLookup;

/** SPF of the envelope domain: is there one record, and does it authorise the relay or the sending IP? */
final class SpfCheck {
    private static final String TITLE = "SPF";

    private SpfCheck() {
    }

    /** The check line, and whether SPF would pass (needed for DMARC). */
    record Outcome(DomainCheck check, boolean passes) {
    }

    static Outcome run(DnsLookup dns, SendingSetup setup) {
        String domain = setup.envelopeDomain();
        SpfEvaluator spf = new SpfEvaluator(dns);
        String record;
        try {
            record = spf.record(domain);
        } catch (DnsException e) {
            return new Outcome(DomainCheck.warn(TITLE, "could not look up the SPF record of " + domain + ": " + e.getMessage(),
                    "check again later; DNS did not answer"), false);
        } catch (IllegalStateException e) {
            return new Outcome(DomainCheck.fail(TITLE, e.getMessage(), "merge them into one TXT record starting with v=spf1"), false);
        }
        if (record == null) {
            return new Outcome(DomainCheck.fail(TITLE, domain + " has no SPF record",
                    "publish a TXT record at " + domain + " such as \"v=spf1 " + suggestion(setup) + " ~all\""), false);
        }
        List<InetAddress> ips;
        try {
            ips = setup.direct() ? List.of(setup.sendingIp()) : dns.addresses(setup.relayHost());
        } catch (DnsException e) {
            return new Outcome(DomainCheck.warn(TITLE, "could not look up " + setup.relayHost() + ": " + e.getMessage(), null), false);
        }
        if (ips.isEmpty()) {
            return new Outcome(DomainCheck.warn(TITLE, "the relay " + setup.relayHost() + " has no address to check", null), false);
        }
        List<String> covered = new ArrayList<>();
        List<String> notCovered = new ArrayList<>();
        Evaluation last = null;
        for (InetAddress ip : ips) {
            // The local part varies per message (VERP), so %{l} and %{s} see postmaster, as for a null sender.
            String helo = setup.direct() && setup.ehloName() != null ? setup.ehloName() : domain;
            Evaluation e = spf.check(ip, domain, "postmaster@" + domain, helo);
            last = e;
            if (e.result() == Result.PERMERROR) {
                return new Outcome(DomainCheck.fail(TITLE, "the SPF record of " + domain + " is broken: " + String.join("; ", e.notes()),
                        "fix the record (at most 10 include/a/mx/exists/redirect terms, no unknown terms)"), false);
            }
            if (e.result() == Result.TEMPERROR) {
                return new Outcome(DomainCheck.warn(TITLE, "could not evaluate the SPF record of " + domain + ": "
                        + String.join("; ", e.notes()), "check again later"), false);
            }
            (e.result() == Result.PASS ? covered : notCovered).add(ip.getHostAddress() + " (" + e.result() + ")");
        }
        String who = setup.direct() ? "the sending IP " : "the relay " + setup.relayHost() + " ";
        String notes = last.notes().isEmpty() ? "" : "; " + String.join("; ", last.notes());
        if (notCovered.isEmpty()) {
            return new Outcome(DomainCheck.pass(TITLE, "the SPF record of " + domain + " covers " + who + String.join(", ", covered)
                    + " (" + last.lookups() + " DNS lookups of 10)" + notes), true);
        }
        String detail = "the SPF record of " + domain + " does not cover " + who + String.join(", ", notCovered) + notes;
        String fix = "add \"" + suggestion(setup) + "\" to the SPF record of " + domain;
        if (setup.direct()) {
            return new Outcome(DomainCheck.fail(TITLE, detail, fix), false);
        }
        // A relay often sends from other addresses than the one it accepts submissions on; its own include covers those.
        return new Outcome(DomainCheck.warn(TITLE, detail + " (the relay may send from other addresses)",
                fix + ", or the include: your provider documents"), !covered.isEmpty());
    }

    private static String suggestion(SendingSetup setup) {
        if (setup.direct()) {
            return (setup.sendingIp().getAddress().length == 4 ? "ip4:" : "ip6:") + setup.sendingIp().getHostAddress();
        }
        return "a:" + setup.relayHost();
    }
}
