package org.broadside.deliverability.checks;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.broadside.deliverability.dns.DnsException;
import org.broadside.deliverability.dns.DnsLookup;
import org.broadside.deliverability.dns.MxAnswer;
import org.broadside.deliverability.dns.MxHost;

/**
 * Evaluates a domain's SPF record for one address the way receivers do (RFC 7208 check_host): all, include,
 * a, mx, ip4, ip6, exists, ptr and redirect, with the limit of 10 DNS-querying terms. Macros are not expanded:
 * a term that uses one is reported and treated as not matching.
 */
public final class SpfEvaluator {
    /** RFC 7208 results. */
    public enum Result { PASS, FAIL, SOFTFAIL, NEUTRAL, NONE, PERMERROR, TEMPERROR }

    /** The result, the record that decided it, the deciding term, DNS terms used and remarks for the user. */
    public record Evaluation(Result result, String record, String matchedTerm, int lookups, List<String> notes) {
        public Evaluation {
            notes = List.copyOf(notes);
        }
    }

    static final int MAX_LOOKUPS = 10;
    private static final int MAX_MX_HOSTS = 10;

    private final DnsLookup dns;

    public SpfEvaluator(DnsLookup dns) {
        this.dns = dns;
    }

    public Evaluation check(InetAddress ip, String domain) {
        Context ctx = new Context();
        Result r;
        String[] outcome = new String[2];
        try {
            r = checkHost(ip, domain.toLowerCase(Locale.ROOT), ctx, outcome);
        } catch (PermError e) {
            ctx.notes.add(e.getMessage());
            r = Result.PERMERROR;
        } catch (DnsException e) {
            ctx.notes.add("DNS failed: " + e.getMessage());
            r = Result.TEMPERROR;
        }
        return new Evaluation(r, outcome[0], outcome[1], ctx.lookups, ctx.notes);
    }

    /** The domain's one SPF record, null when it has none; more than one is an error (RFC 7208 4.5). */
    public String record(String domain) throws DnsException {
        List<String> spf = new ArrayList<>();
        for (String txt : dns.txt(domain)) {
            String t = txt.trim();
            if (t.equalsIgnoreCase("v=spf1") || t.toLowerCase(Locale.ROOT).startsWith("v=spf1 ")) {
                spf.add(t);
            }
        }
        if (spf.size() > 1) {
            throw new IllegalStateException(domain + " publishes " + spf.size() + " SPF records; receivers treat that as an error");
        }
        return spf.isEmpty() ? null : spf.get(0);
    }

    private Result checkHost(InetAddress ip, String domain, Context ctx, String[] outcome) throws DnsException, PermError {
        String record;
        try {
            record = record(domain);
        } catch (IllegalStateException e) {
            throw new PermError(e.getMessage());
        }
        if (record == null) {
            return Result.NONE;
        }
        if (outcome[0] == null) {
            outcome[0] = record;
        }
        String redirect = null;
        String[] terms = record.trim().split("\\s+");
        for (int i = 1; i < terms.length; i++) {
            String term = terms[i];
            String lower = term.toLowerCase(Locale.ROOT);
            if (lower.startsWith("redirect=")) {
                redirect = term.substring(9);
                continue;
            }
            if (lower.matches("[a-z][a-z0-9._-]*=.*")) {
                continue; // exp= and unknown modifiers do not change the result
            }
            char q = term.charAt(0);
            Result onMatch = switch (q) {
                case '-' -> Result.FAIL;
                case '~' -> Result.SOFTFAIL;
                case '?' -> Result.NEUTRAL;
                default -> Result.PASS;
            };
            String mech = q == '+' || q == '-' || q == '~' || q == '?' ? term.substring(1) : term;
            if (mech.contains("%")) {
                ctx.notes.add("\"" + term + "\" uses SPF macros, which this check does not expand");
                if (!mech.toLowerCase(Locale.ROOT).startsWith("ip")) {
                    ctx.count(term);
                }
                continue;
            }
            if (matches(mech, ip, domain, ctx, outcome)) {
                outcome[0] = record;
                outcome[1] = term;
                return onMatch;
            }
        }
        if (redirect != null) {
            ctx.count("redirect=" + redirect);
            Result r = checkHost(ip, redirect.toLowerCase(Locale.ROOT), ctx, outcome);
            if (r == Result.NONE) {
                throw new PermError("redirect=" + redirect + " points at a domain without SPF record");
            }
            return r;
        }
        return Result.NEUTRAL;
    }

    private boolean matches(String mech, InetAddress ip, String domain, Context ctx, String[] outcome)
            throws DnsException, PermError {
        String lower = mech.toLowerCase(Locale.ROOT);
        String name = lower.contains(":") ? lower.substring(0, lower.indexOf(':')) : lower.split("/")[0];
        String arg = mech.contains(":") ? mech.substring(mech.indexOf(':') + 1) : null;
        switch (name) {
            case "all":
                return true;
            case "ip4":
            case "ip6":
                return ipMatches(arg, ip);
            case "include": {
                ctx.count(mech);
                String[] inner = new String[2];
                Result r = checkHost(ip, arg.toLowerCase(Locale.ROOT), ctx, inner);
                if (r == Result.TEMPERROR) {
                    throw new DnsException("include:" + arg + " could not be evaluated", null);
                }
                if (r == Result.PERMERROR || r == Result.NONE) {
                    throw new PermError("include:" + arg + " has no valid SPF record");
                }
                return r == Result.PASS;
            }
            case "a": {
                ctx.count(mech);
                Prefix p = prefix(mech, domain);
                return anyInPrefix(dns.addresses(p.host), p, ip);
            }
            case "mx": {
                ctx.count(mech);
                Prefix p = prefix(mech, domain);
                MxAnswer mx = dns.mx(p.host);
                int n = 0;
                for (MxHost h : mx.hosts()) {
                    if (++n > MAX_MX_HOSTS) {
                        throw new PermError("mx:" + p.host + " has more than 10 MX hosts");
                    }
                    if (anyInPrefix(dns.addresses(h.host()), p, ip)) {
                        return true;
                    }
                }
                return false;
            }
            case "exists":
                ctx.count(mech);
                return !dns.addresses(arg).isEmpty();
            case "ptr":
                ctx.count(mech);
                ctx.notes.add("\"ptr\" is deprecated (RFC 7208 5.5) and not evaluated here; many receivers ignore it");
                return false;
            default:
                throw new PermError("unknown SPF term \"" + mech + "\"");
        }
    }

    private static boolean ipMatches(String arg, InetAddress ip) throws PermError {
        if (arg == null) {
            throw new PermError("ip4/ip6 without an address");
        }
        int slash = arg.indexOf('/');
        InetAddress net = Cidr.literal(slash < 0 ? arg : arg.substring(0, slash));
        if (net == null) {
            throw new PermError("\"" + arg + "\" is not an address");
        }
        int bits = slash < 0 ? net.getAddress().length * 8 : Integer.parseInt(arg.substring(slash + 1));
        return Cidr.contains(net, bits, ip);
    }

    private static boolean anyInPrefix(List<InetAddress> addresses, Prefix p, InetAddress ip) {
        for (InetAddress a : addresses) {
            int bits = a.getAddress().length == 4 ? p.v4 : p.v6;
            if (Cidr.contains(a, bits, ip)) {
                return true;
            }
        }
        return false;
    }

    /** "a", "a:host", "a/24", "mx:host/24//64" into host and prefix lengths. */
    private static Prefix prefix(String mech, String domain) throws PermError {
        int nameEnd = 0;
        while (nameEnd < mech.length() && Character.isLetter(mech.charAt(nameEnd))) {
            nameEnd++;
        }
        String spec = mech.substring(nameEnd);
        String host = domain;
        if (spec.startsWith(":")) {
            spec = spec.substring(1);
            int slash = spec.indexOf('/');
            host = slash < 0 ? spec : spec.substring(0, slash);
            spec = slash < 0 ? "" : spec.substring(slash);
        }
        int v4 = 32;
        int v6 = 128;
        try {
            int dbl = spec.indexOf("//");
            if (dbl >= 0) {
                v6 = Integer.parseInt(spec.substring(dbl + 2));
                spec = spec.substring(0, dbl);
            }
            if (spec.startsWith("/")) {
                v4 = Integer.parseInt(spec.substring(1));
            }
        } catch (NumberFormatException e) {
            throw new PermError("bad prefix length in \"" + mech + "\"");
        }
        return new Prefix(host.toLowerCase(Locale.ROOT), v4, v6);
    }

    private record Prefix(String host, int v4, int v6) {
    }

    private static final class Context {
        int lookups;
        final List<String> notes = new ArrayList<>();

        void count(String term) throws PermError {
            if (++lookups > MAX_LOOKUPS) {
                throw new PermError("more than 10 DNS lookups (at \"" + term + "\"): receivers give up with a permanent error");
            }
        }
    }

    private static final class PermError extends Exception {
        private static final long serialVersionUID = 1L;

        PermError(String message) {
            super(message);
        }
    }
}
