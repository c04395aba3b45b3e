package org.broadside.deliverability.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@link DnsLookup} over a dnsjava {@link Resolver}: a timeout per question, at most a few questions in flight
 * (a bulk run must not flood the user's resolver), and a small TTL-bound cache.
 */
public final class DnsjavaLookup implements DnsLookup {
    private final Resolver resolver;
    private final Duration timeout;
    private final Semaphore inFlight;
    private final DnsCache cache;

    public DnsjavaLookup(Resolver resolver, Duration timeout, int maxConcurrent, int cacheEntries) {
        this.resolver = resolver;
        this.timeout = timeout;
        this.inFlight = new Semaphore(Math.max(1, maxConcurrent));
        this.cache = new DnsCache(cacheEntries);
        resolver.setTimeout(timeout);
    }

    /** The system's resolvers (resolv.conf or the OS settings), 5 s per question, 8 in flight, 10,000 cached answers. */
    public static DnsjavaLookup system() {
        return new DnsjavaLookup(new ExtendedResolver(), Duration.ofSeconds(5), 8, 10_000);
    }

    @Override
    public MxAnswer mx(String domain) throws DnsException {
        Answer a = query(domain, Type.MX);
        if (!a.exists) {
            return new MxAnswer(domain, List.of(), false, false);
        }
        List<MxHost> hosts = new ArrayList<>();
        boolean dot = false;
        for (Record r : a.records) {
            MXRecord mx = (MXRecord) r;
            if (mx.getTarget().equals(Name.root)) {
                dot = true;
            } else {
                hosts.add(new MxHost(mx.getPriority(), hostName(mx.getTarget())));
            }
        }
        // RFC 7505: "MX 0 ." alone means no mail; mixed with real hosts it is a mistake and the real hosts win.
        boolean nullMx = dot && hosts.isEmpty();
        hosts.sort(Comparator.comparingInt(MxHost::preference));
        return new MxAnswer(domain, hosts, nullMx, true);
    }

    @Override
    public List<InetAddress> addresses(String host) throws DnsException {
        List<InetAddress> out = new ArrayList<>();
        for (Record r : query(host, Type.A).records) {
            out.add(((ARecord) r).getAddress());
        }
        for (Record r : query(host, Type.AAAA).records) {
            out.add(((AAAARecord) r).getAddress());
        }
        return out;
    }

    @Override
    public List<String> txt(String name) throws DnsException {
        List<String> out = new ArrayList<>();
        for (Record r : query(name, Type.TXT).records) {
            out.add(String.join("", ((TXTRecord) r).getStrings()));
        }
        return out;
    }

    @Override
    public List<String> ptr(InetAddress address) throws DnsException {
        List<String> out = new ArrayList<>();
        Answer a = query(ReverseMap.fromAddress(address).toString(), Type.PTR);
        for (Record r : a.records) {
            out.add(hostName(((PTRRecord) r).getTarget()));
        }
        return out;
    }

    private Answer query(String name, int type) throws DnsException {
        Name n;
        try {
            n = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            return Answer.NO_SUCH_NAME;
        }
        String key = Type.string(type) + " " + n.toString().toLowerCase();
        Answer cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Answer fresh = ask(n, type);
        cache.put(key, fresh, fresh.ttlSeconds);
        return fresh;
    }

    private Answer ask(Name n, int type) throws DnsException {
        try {
            if (!inFlight.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DnsException("too many DNS questions waiting; " + n + " not asked", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DnsException("interrupted while waiting to ask DNS for " + n, e);
        }
        Message response;
        try {
            response = resolver.send(Message.newQuery(Record.newRecord(n, type, DClass.IN)));
        } catch (IOException e) {
            throw new DnsException("DNS did not answer for " + n + " " + Type.string(type) + ": " + e.getMessage(), e);
        } finally {
            inFlight.release();
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return Answer.NO_SUCH_NAME;
        }
        if (rcode != Rcode.NOERROR) {
            throw new DnsException("DNS answered " + Rcode.string(rcode) + " for " + n + " " + Type.string(type), null);
        }
        List<Record> records = new ArrayList<>();
        long ttl = Long.MAX_VALUE;
        for (Record r : response.getSection(Section.ANSWER)) {
            // A recursive resolver puts the CNAME chain first; only the records of the asked type matter.
            if (r.getType() == type) {
                records.add(r);
                ttl = Math.min(ttl, r.getTTL());
            }
        }
        return new Answer(true, records, records.isEmpty() ? DnsCache.NEGATIVE_TTL : ttl);
    }

    private static String hostName(Name name) {
        String s = name.toString(true);
        return s.toLowerCase();
    }

    /** One answer as cached: whether the name exists and the records of the asked type. */
    record Answer(boolean exists, List<Record> records, long ttlSeconds) {
        static final Answer NO_SUCH_NAME = new Answer(false, List.of(), DnsCache.NEGATIVE_TTL);
    }
}
