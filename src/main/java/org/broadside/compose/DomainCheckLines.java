package org.broadside.compose;

import java.util.ArrayList;
import java.util.List;
import org.broadside.deliverability.checks.DomainCheck;
import org.broadside.deliverability.checks.DomainChecks;
import org.broadside.deliverability.checks.SendingSetup;
import org.broadside.merge.Severity;

/**
 * Turns the deliverability checks' PASS/WARN/FAIL lines into pre-send check lines. It lives in compose, which
 * owns {@link CheckLine}, so the checks themselves know nothing of the pre-send check (no package cycle).
 */
public final class DomainCheckLines {
    private DomainCheckLines() {}

    /** The domain check of setup as pre-send lines, each naming the From domain. */
    public static List<CheckLine> of(DomainChecks checks, SendingSetup setup) {
        return of(checks.run(setup), "domain", setup.fromDomain());
    }

    /** FAIL becomes ERROR, WARN becomes WARNING, PASS is dropped; {@code part} names the check ("domain", "message"). */
    public static List<CheckLine> of(List<DomainCheck> checks, String part, String about) {
        List<CheckLine> out = new ArrayList<>();
        for (DomainCheck c : checks) {
            if (c.status() == DomainCheck.Status.PASS) {
                continue;
            }
            Severity s = c.status() == DomainCheck.Status.FAIL ? Severity.ERROR : Severity.WARNING;
            out.add(new CheckLine(s, part, 0, 0, c.sentence(), codeOf(c.title()), about));
        }
        return out;
    }

    /** The titles are each check's constant name, so they identify the check. */
    private static CheckCode codeOf(String title) {
        return switch (title) {
            case "SPF" -> CheckCode.DOMAIN_SPF;
            case "DKIM" -> CheckCode.DOMAIN_DKIM;
            case "DMARC" -> CheckCode.DOMAIN_DMARC;
            case "MX" -> CheckCode.DOMAIN_MX;
            case "Reverse DNS" -> CheckCode.DOMAIN_REVERSE_DNS;
            default -> CheckCode.MESSAGE_CONTENT;
        };
    }
}
