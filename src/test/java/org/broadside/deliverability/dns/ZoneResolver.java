package org.broadside.deliverability.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * An in-process DNS for tests: a dnsjava {@link Resolver} that answers from a zone map, so lookups go through
 * the same {@link DnsjavaLookup} code as production. Unknown names are NXDOMAIN; names can be made to SERVFAIL
 * or time out.
 */
public final class ZoneResolver implements Resolver {
    private static final long TTL = 300;
    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final Map<String, java.util.concurrent.CountDownLatch> held = new ConcurrentHashMap<>();
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    public ZoneResolver mx(String domain, int preference, String host) {
        return add(new MXRecord(name(domain), DClass.IN, TTL, preference, name(host)));
    }

    /** RFC 7505 null MX: "MX 0 .". */
    public ZoneResolver nullMx(String domain) {
        return add(new MXRecord(name(domain), DClass.IN, TTL, 0, Name.root));
    }

    public ZoneResolver a(String host, String... ips) {
        for (String ip : ips) {
            InetAddress address = ip(ip);
            add(address.getAddress().length == 4 ? new ARecord(name(host), DClass.IN, TTL, address)
                    : new AAAARecord(name(host), DClass.IN, TTL, address));
        }
        return this;
    }

    /** One TXT record; several strings, and strings over 255 bytes, become separate character-strings as in DNS. */
    public ZoneResolver txt(String owner, String... strings) {
        List<String> parts = new java.util.ArrayList<>();
        for (String s : strings) {
            for (int i = 0; i < s.length() || i == 0; i += 255) {
                parts.add(s.substring(i, Math.min(s.length(), i + 255)));
            }
        }
        return add(new TXTRecord(name(owner), DClass.IN, TTL, parts));
    }

    public ZoneResolver ptr(String ip, String host) {
        return add(new PTRRecord(ReverseMap.fromAddress(ip(ip)), DClass.IN, TTL, name(host)));
    }

    /** Every question about this name gets SERVFAIL. */
    public ZoneResolver servfail(String owner) {
        failing.add(key(name(owner)));
        return this;
    }

    /** Every question about this name times out. */
    public ZoneResolver timeout(String owner) {
        silent.add(key(name(owner)));
        return this;
    }

    /** Questions about this name wait until {@code release} opens (to fill the lookup's in-flight slots). */
    public ZoneResolver holdUntil(String owner, java.util.concurrent.CountDownLatch release) {
        held.put(key(name(owner)), release);
        return this;
    }

    /** A {@link DnsjavaLookup} over this zone with a short timeout and a cache. */
    public DnsjavaLookup lookup() {
        return new DnsjavaLookup(this, Duration.ofMillis(300), 4, 1000);
    }

    public int questionCount() {
        return count.get();
    }

    public List<String> questions() {
        return List.copyOf(questions);
    }

    private ZoneResolver add(Record r) {
        records.computeIfAbsent(key(r.getName()), k -> new CopyOnWriteArrayList<>()).add(r);
        return this;
    }

    @Override
    public Message send(Message query) throws IOException {
        Record q = query.getQuestion();
        count.incrementAndGet();
        questions.add(q.getName() + " " + org.xbill.DNS.Type.string(q.getType()));
        String k = key(q.getName());
        java.util.concurrent.CountDownLatch latch = held.get(k);
        if (latch != null) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted (test)");
            }
        }
        if (silent.contains(k)) {
            throw new java.net.SocketTimeoutException("timed out (test)");
        }
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        response.addRecord(q, Section.QUESTION);
        if (failing.contains(k)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
            return response;
        }
        List<Record> owned = records.get(k);
        if (owned == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            return response;
        }
        for (Record r : owned) {
            if (r.getType() == q.getType()) {
                response.addRecord(r, Section.ANSWER);
            }
        }
        return response;
    }

    @Override
    public CompletionStage<Message> sendAsync(Message query, Executor executor) {
        try {
            return CompletableFuture.completedFuture(send(query));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Message> sendAsync(Message query) {
        return sendAsync(query, Runnable::run);
    }

    @Override
    public void setPort(int port) {
    }

    @Override
    public void setTCP(boolean flag) {
    }

    @Override
    public void setIgnoreTruncation(boolean flag) {
    }

    @Override
    public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
    }

    @Override
    public void setTSIGKey(TSIG key) {
    }

    @Override
    public void setTimeout(Duration timeout) {
    }

    private static Name name(String s) {
        try {
            return Name.fromString(s.endsWith(".") ? s : s + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String key(Name n) {
        return n.toString().toLowerCase(Locale.ROOT);
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

}
