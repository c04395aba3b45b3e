package org.broadside.contacts.validation;

import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.time.Duration;

/** The real resolver: MX, then A and AAAA, through the system's DNS servers with dnsjava and a per-query timeout. */
public final class DnsMailDomainResolver implements MailDomainResolver {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DnsMailDomainResolver.class);
    private final Resolver resolver;

    public DnsMailDomainResolver(Duration timeout) {
        ExtendedResolver r = new ExtendedResolver();
        r.setTimeout(timeout);
        r.setRetries(1);
        this.resolver = r;
    }

    @Override
    public MailDomainStatus lookup(String asciiDomain) {
        try {
            Name name = Name.fromString(asciiDomain.endsWith(".") ? asciiDomain : asciiDomain + ".");
            Lookup mx = lookup(name, Type.MX);
            if (mx.getResult() == Lookup.SUCCESSFUL) {
                Record[] answers = mx.getAnswers();
                // A single "MX 0 ." is RFC 7505's way of saying "this domain never receives mail".
                if (answers.length == 1 && answers[0] instanceof MXRecord m && m.getTarget().equals(Name.root)) {
                    return MailDomainStatus.NO_MAIL;
                }
                return MailDomainStatus.HAS_MX;
            }
            if (mx.getResult() == Lookup.HOST_NOT_FOUND) return MailDomainStatus.NO_MAIL;
            if (mx.getResult() != Lookup.TYPE_NOT_FOUND) return MailDomainStatus.UNKNOWN;
            for (int type : new int[] {Type.A, Type.AAAA}) {
                Lookup a = lookup(name, type);
                if (a.getResult() == Lookup.SUCCESSFUL) return MailDomainStatus.HAS_ADDRESS;
                if (a.getResult() != Lookup.TYPE_NOT_FOUND && a.getResult() != Lookup.HOST_NOT_FOUND) return MailDomainStatus.UNKNOWN;
            }
            return MailDomainStatus.NO_MAIL;
        } catch (TextParseException e) {
            return MailDomainStatus.NO_MAIL;
        } catch (RuntimeException e) {
            LOG.debug("DNS lookup failed", e);
            return MailDomainStatus.UNKNOWN;
        }
    }

    private Lookup lookup(Name name, int type) {
        Lookup l = new Lookup(name, type);
        l.setResolver(resolver);
        l.setCache(null);
        l.run();
        return l;
    }
}
