package org.broadside.delivery.direct;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.broadside.deliverability.dns.ZoneResolver;
import org.broadside.delivery.ConnectionId;
import org.broadside.delivery.Messenger;
import org.broadside.delivery.MessengerSession;
import org.broadside.delivery.OutgoingMessage;
import org.broadside.delivery.smtp.SmtpTimeouts;
import org.broadside.testing.smtp.ScriptedSmtpServer;

/** Fake DNS plus scripted SMTP servers on loopback standing in for recipient MX hosts. */
final class DirectFixture implements AutoCloseable {
    static final SmtpTimeouts FAST = SmtpTimeouts.rfc5321().cappedAt(Duration.ofSeconds(5));

    final ZoneResolver zone = new ZoneResolver();
    final Map<String, Integer> ports = new HashMap<>();
    final List<String> log = new ArrayList<>();
    private final List<ScriptedSmtpServer> servers = new ArrayList<>();
    private final List<MessengerSession> sessions = new ArrayList<>();
    private final List<Socket> reservedPorts = new ArrayList<>();
    private long ids;

    /** A scripted server answering for this MX host name at 127.0.0.1. */
    ScriptedSmtpServer server(String mxHost) throws Exception {
        ScriptedSmtpServer s = ScriptedSmtpServer.start();
        servers.add(s);
        ports.put(mxHost, s.port());
        zone.a(mxHost, "127.0.0.1");
        return s;
    }

    /**
     * An MX host whose port refuses connections. The port stays bound (without listening) until the fixture closes:
     * a port merely freed could be taken by another process's server on the same loopback before the test connects,
     * which once turned this "dead" host into a live one on CI.
     */
    void deadHost(String mxHost) throws Exception {
        Socket reserved = new Socket();
        reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        reservedPorts.add(reserved);
        ports.put(mxHost, reserved.getLocalPort());
        zone.a(mxHost, "127.0.0.1");
    }

    DirectOptions options() {
        return DirectOptions.defaults("mail.sender.test").withTimeouts(FAST).forTests(ports, null);
    }

    MessengerSession session(DirectMessenger messenger) throws Exception {
        Messenger.SessionLog sink = (d, text) -> {
            synchronized (log) {
                log.add(d + " " + text);
            }
        };
        MessengerSession s = messenger.open(new ConnectionId(sessions.size() + 1, "direct"), sink);
        sessions.add(s);
        return s;
    }

    MessengerSession session(DirectOptions options) throws Exception {
        return session(new DirectMessenger(zone.lookup(), options));
    }

    OutgoingMessage message(String recipient) {
        long id = ++ids;
        byte[] body = ("From: news@sender.test\r\nTo: " + recipient + "\r\nSubject: n" + id
                + "\r\nMessage-ID: <" + id + "@sender.test>\r\n\r\nHello " + id + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return new OutgoingMessage(id, "bounces@sender.test", recipient, "<" + id + "@sender.test>", out -> out.write(body), false);
    }

    String logText() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    @Override
    public void close() throws java.io.IOException {
        for (MessengerSession s : sessions) {
            s.close();
        }
        for (ScriptedSmtpServer s : servers) {
            s.close();
        }
        for (Socket s : reservedPorts) {
            s.close();
        }
    }
}
