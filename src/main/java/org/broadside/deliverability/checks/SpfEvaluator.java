package org.broadside.deliverability.checks;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadside.deliverability.dns.DnsException;
import org.broadside.deliverability.dns.DnsLookup;
import org.broadside.deliverability.dns.MxAnswer;
import org.broadside.deliverability.dns.MxHost;

/**
 * Evaluates a domain's SPF record for one address the way receivers do (RFC 7208 check_host): all, include,
 * a, mx, ip4, ip6, exists, ptr and redirect, with the limit of 10 DNS-querying terms, and the macros of RFC 7208
 * section 7 in their domain arguments ({@link SpfMacros}).
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
    private static final int MAX_PTR_NAMES = 10;
    /** A mechanism with its optional ip4-cidr-length and ip6-cidr-length at the end (RFC 7208 5.6). */
    private static final Pattern DUAL_CIDR = Pattern.compile("(.*?)(?:/(\\d{1,2}))?(?://(\\d{1,3}))?");

    private final DnsLookup dns;

    public SpfEvaluator(DnsLookup dns) {
        this.dns = dns;
    }

    /**
     * check_host() for mail from any local part of {@code domain}: the sender is postmaster@domain and the HELO name
     * the domain itself, which is what a record's %{l}, %{s} and %{h} macros then see.
     */
    public Evaluation check(InetAddress ip, String domain) {
        return check(ip, domain, "postmaster@" + domain, domain);
    }

    /** check_host() with the sender (MAIL FROM, or the HELO name for a null sender) and the HELO name (RFC 7208 4.1). */
    public Evaluation check(InetAddress ip, String domain, String sender, String helo) {
        Context ctx = new Context();
        Result r;
        String[] outcome = new String[2];
        String d = domain.toLowerCase(Locale.ROOT);
        String from = sender.indexOf('@') > 0 ? sender : "postmaster@" + sender.substring(sender.indexOf('@') + 1);
        SpfMacroValues values = new SpfMacroValues(from, d, ip, helo, () -> validatedName(ip, d, ctx));
        try {
            r = checkHost(ip, values, ctx, outcome);
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

    private Result checkHost(InetAddress ip, SpfMacroValues values, Context ctx, String[] outcome)
            throws DnsException, PermError {
        String domain = values.domain();
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
            if (matches(mech, ip, values, ctx)) {
                outcome[0] = record;
                outcome[1] = term;
                return onMatch;
            }
        }
        if (redirect != null) {
            ctx.count("redirect=" + redirect);
            String target = expand(redirect, values);
            Result r = checkHost(ip, values.withDomain(target), ctx, outcome);
            if (r == Result.NONE) {
                throw new PermError("redirect=" + redirect + " points at a domain without SPF record");
            }
            return r;
        }
        return Result.NEUTRAL;
    }

    private boolean matches(String mech, InetAddress ip, SpfMacroValues values, Context ctx)
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
                Result r = checkHost(ip, values.withDomain(expand(arg, values)), ctx, inner);
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
                Prefix p = prefix(mech, values);
                return anyInPrefix(dns.addresses(p.host), p, ip);
            }
            case "mx": {
                ctx.count(mech);
                Prefix p = prefix(mech, values);
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
                // Always an A query, whatever the client's address family (RFC 7208 5.7).
                return dns.addresses(expand(arg, values)).stream().anyMatch(a -> a instanceof Inet4Address);
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

    /** "a", "a:host", "a/24", "mx:host/24//64" into host and prefix lengths; the host may use macros. */
    private static Prefix prefix(String mech, SpfMacroValues values) throws PermError {
        Matcher m = DUAL_CIDR.matcher(mech);
        if (!m.matches()) {
            throw new PermError("bad prefix length in \"" + mech + "\"");
        }
        String spec = m.group(1);
        int nameEnd = 0;
        while (nameEnd < spec.length() && Character.isLetter(spec.charAt(nameEnd))) {
            nameEnd++;
        }
        boolean named = spec.length() > nameEnd && spec.charAt(nameEnd) == ':';
        if (named && spec.length() == nameEnd + 1) {
            throw new PermError("\"" + mech + "\" has a colon but no domain");
        }
        String host = named ? expand(spec.substring(nameEnd + 1), values) : values.domain();
        int v4 = m.group(2) == null ? 32 : Integer.parseInt(m.group(2));
        int v6 = m.group(3) == null ? 128 : Integer.parseInt(m.group(3));
        if (v4 > 32 || v6 > 128) {
            throw new PermError("bad prefix length in \"" + mech + "\"");
        }
        return new Prefix(host.toLowerCase(Locale.ROOT), v4, v6);
    }

    private static String expand(String domainSpec, SpfMacroValues values) throws PermError {
        try {
            return SpfMacros.expandDomain(domainSpec, values).toLowerCase(Locale.ROOT);
        } catch (SpfMacroException e) {
            throw new PermError(e.getMessage());
        }
    }

    /**
     * %{p}: a PTR name of the client whose own addresses include it, preferring the current domain or a subdomain
     * of it; "unknown" when there is none or DNS fails (RFC 7208 5.5 and 7.3). At most 10 PTR names are tried.
     */
    private String validatedName(InetAddress ip, String domain, Context ctx) {
        if (ctx.validatedName != null) {
            return ctx.validatedName;
        }
        String found = null;
        try {
            List<String> names = dns.ptr(ip);
            for (String name : names.subList(0, Math.min(names.size(), MAX_PTR_NAMES))) {
                String n = name.toLowerCase(Locale.ROOT);
                if (dns.addresses(n).contains(ip)) {
                    if (n.equals(domain) || n.endsWith("." + domain)) {
                        found = n;
                        break;
                    }
                    found = found == null ? n : found;
                }
            }
        } catch (DnsException e) {
            found = null;
        }
        ctx.validatedName = found == null ? "unknown" : found;
        return ctx.validatedName;
    }

    private record Prefix(String host, int v4, int v6) {
    }

    private static final class Context {
        int lookups;
        final List<String> notes = new ArrayList<>();
        String validatedName;

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
