package org.broadside.testing.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.broadside.delivery.smtp.Stage;

/**
 * A fault-injecting SMTP server on loopback for tests: scripted replies per stage and per recipient,
 * PIPELINING/STARTTLS/AUTH switches, greeting delay, trickling, stray lines, disconnects, TLS from a key
 * store. Records every command (with the TCP read it arrived in) and every message.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket serverSocket;
    private final Map<Stage, ScriptedAction> stageActions = new EnumMap<>(Stage.class);
    private final Map<String, ScriptedAction> rcptActions = new ConcurrentHashMap<>();
    private final Map<String, ScriptedAction> endOfDataActions = new ConcurrentHashMap<>();
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private final List<ReceivedCommand> commands = new CopyOnWriteArrayList<>();
    private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger queueIds = new AtomicInteger();
    private volatile String greeting = "220 scripted.test ESMTP ready";
    private volatile Duration greetingDelay = Duration.ZERO;
    private volatile boolean pipelining = true;
    private volatile boolean startTls;
    private volatile boolean enhancedStatusCodes = true;
    private volatile boolean eightBitMime = true;
    private volatile boolean smtpUtf8;
    private volatile List<String> authMechanisms = List.of();
    private volatile SSLContext tls;
    private volatile boolean implicitTls;
    private volatile boolean chunking;
    private volatile boolean resetAfterRefusedBdat = true;
    private volatile Duration bdatReplyDelay = Duration.ZERO;
    private final List<Boolean> bdatAnsweredWithMoreWaiting = new CopyOnWriteArrayList<>();
    private volatile java.util.function.Consumer<String> onChunkReceived = r -> { };

    /** One command line as received, with the number of the TCP read that completed it on its connection. */
    public record ReceivedCommand(int connection, int read, String line) {
    }

    private ScriptedSmtpServer() throws IOException {
        serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::acceptLoop, "scripted-smtp-accept");
        t.setDaemon(true);
        t.start();
    }

    public static ScriptedSmtpServer start() throws IOException {
        return new ScriptedSmtpServer();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    // ---- configuration --------------------------------------------------------------------------------

    public synchronized ScriptedAction on(Stage stage) {
        return stageActions.computeIfAbsent(stage, s -> new ScriptedAction());
    }

    public ScriptedAction onRcpt(String address) {
        return rcptActions.computeIfAbsent(address.toLowerCase(Locale.ROOT), a -> new ScriptedAction());
    }

    /** What to do at the end of data of the transaction whose first accepted recipient is {@code address}. */
    public ScriptedAction onEndOfDataFor(String address) {
        return endOfDataActions.computeIfAbsent(address.toLowerCase(Locale.ROOT), a -> new ScriptedAction());
    }

    public ScriptedSmtpServer greeting(String line) {
        greeting = line;
        return this;
    }

    public ScriptedSmtpServer greetingDelay(Duration d) {
        greetingDelay = d;
        return this;
    }

    /** Accept connections but never send the greeting. */
    public ScriptedSmtpServer noGreeting() {
        on(Stage.GREETING).silence();
        return this;
    }

    public ScriptedSmtpServer pipelining(boolean on) {
        pipelining = on;
        return this;
    }

    /** Offer STARTTLS in EHLO (needs {@link #tls}); false simulates an attacker stripping it. */
    public ScriptedSmtpServer startTls(boolean on) {
        startTls = on;
        return this;
    }

    public ScriptedSmtpServer enhancedStatusCodes(boolean on) {
        enhancedStatusCodes = on;
        return this;
    }

    /** Offer CHUNKING (RFC 3030) in EHLO and take BDAT. */
    public ScriptedSmtpServer chunking(boolean on) {
        chunking = on;
        return this;
    }

    /**
     * False: after a refused BDAT LAST answer MAIL, RCPT and BDAT with 503 until the client sends RSET (a server the
     * client must RSET to recover).
     */
    public ScriptedSmtpServer resetAfterRefusedBdat(boolean on) {
        resetAfterRefusedBdat = on;
        return this;
    }

    /** Wait this long before answering each BDAT LAST (to see what the client writes meanwhile). */
    public ScriptedSmtpServer bdatReplyDelay(Duration d) {
        bdatReplyDelay = d;
        return this;
    }

    /**
     * For each BDAT LAST answered, in order: whether more client bytes (the next message's commands) had already
     * arrived when the reply was written, which proves the client did not wait for it.
     */
    public List<Boolean> bdatAnsweredWithMoreWaiting() {
        return List.copyOf(bdatAnsweredWithMoreWaiting);
    }

    /**
     * Called with the first accepted recipient when a BDAT LAST chunk has fully arrived, before it is answered: the
     * moment from which the message may count as accepted.
     */
    public ScriptedSmtpServer onChunkReceived(java.util.function.Consumer<String> callback) {
        onChunkReceived = callback;
        return this;
    }

    public ScriptedSmtpServer eightBitMime(boolean on) {
        eightBitMime = on;
        return this;
    }

    public ScriptedSmtpServer smtpUtf8(boolean on) {
        smtpUtf8 = on;
        return this;
    }

    /** Offer these AUTH mechanisms and accept this user (password, or token for XOAUTH2). */
    public ScriptedSmtpServer auth(String user, String password, String... mechanisms) {
        users.put(user, password);
        authMechanisms = List.of(mechanisms);
        return this;
    }

    /** Use the first key in this PKCS12 store for STARTTLS or implicit TLS. */
    public ScriptedSmtpServer tls(KeyStore keyStore, char[] password) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            tls = ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public ScriptedSmtpServer implicitTls(boolean on) {
        implicitTls = on;
        return this;
    }

    // ---- recordings -----------------------------------------------------------------------------------

    public List<ReceivedCommand> receivedCommands() {
        return List.copyOf(commands);
    }

    /** The command lines only, in arrival order. */
    public List<String> commandLines() {
        List<String> out = new ArrayList<>();
        for (ReceivedCommand c : commands) {
            out.add(c.line());
        }
        return out;
    }

    public List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket s : open) {
            s.close();
        }
    }

    // ---- serving ----------------------------------------------------------------------------------

    private void acceptLoop() {
        int n = 0;
        while (!serverSocket.isClosed()) {
            try {
                Socket s = serverSocket.accept();
                open.add(s);
                int id = ++n;
                Thread t = new Thread(() -> serve(s, id), "scripted-smtp-" + id);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket plain, int id) {
        try {
            new Session(plain, id).run();
        } catch (IOException | RuntimeException e) {
            // The client hung up or a scripted disconnect happened; nothing to report.
        } finally {
            try {
                plain.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }

    private synchronized ScriptedAction action(Stage stage) {
        return stageActions.get(stage);
    }

    /** One client connection. */
    private final class Session {
        private final int id;
        private Socket socket;
        private LineSource in;
        private OutputStream out;
        private String mailFrom;
        private final List<String> accepted = new ArrayList<>();

        Session(Socket s, int id) throws IOException {
            this.id = id;
            socket = s;
            if (implicitTls) {
                upgrade();
            } else {
                in = new LineSource(s.getInputStream());
                out = s.getOutputStream();
            }
        }

        void run() throws IOException {
            sleep(greetingDelay);
            if (!perform(action(Stage.GREETING), List.of(greeting))) {
                return;
            }
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(new ReceivedCommand(id, in.readNumber(), line));
                String verb = verb(line);
                boolean go = switch (verb) {
                    case "EHLO" -> perform(action(Stage.EHLO), ehloLines());
                    case "HELO" -> perform(null, List.of("250 scripted.test"));
                    case "STARTTLS" -> startTls();
                    case "AUTH" -> auth(line);
                    case "MAIL" -> mail(line);
                    case "RCPT" -> rcpt(line);
                    case "DATA" -> data();
                    case "BDAT" -> bdat(line);
                    case "RSET" -> {
                        needRset = false;
                        mailFrom = null;
                        accepted.clear();
                        yield perform(action(Stage.RSET), List.of("250 2.0.0 Ok"));
                    }
                    case "NOOP" -> perform(null, List.of("250 2.0.0 Ok"));
                    case "QUIT" -> {
                        perform(action(Stage.QUIT), List.of("221 2.0.0 Bye"));
                        yield false;
                    }
                    default -> perform(null, List.of("502 5.5.2 Command not recognized"));
                };
                if (!go) {
                    return;
                }
            }
        }

        private List<String> ehloLines() {
            List<String> ext = new ArrayList<>();
            ext.add("scripted.test greets you");
            if (pipelining) {
                ext.add("PIPELINING");
            }
            if (chunking) {
                ext.add("CHUNKING");
            }
            ext.add("SIZE 10240000");
            if (eightBitMime) {
                ext.add("8BITMIME");
            }
            if (smtpUtf8) {
                ext.add("SMTPUTF8");
            }
            if (startTls && !(socket instanceof SSLSocket)) {
                ext.add("STARTTLS");
            }
            if (enhancedStatusCodes) {
                ext.add("ENHANCEDSTATUSCODES");
            }
            if (!authMechanisms.isEmpty()) {
                ext.add("AUTH " + String.join(" ", authMechanisms));
            }
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < ext.size(); i++) {
                lines.add("250" + (i == ext.size() - 1 ? " " : "-") + ext.get(i));
            }
            return lines;
        }

        private boolean startTls() throws IOException {
            if (!startTls || tls == null) {
                return perform(action(Stage.STARTTLS), List.of("502 5.5.1 STARTTLS not offered"));
            }
            if (!perform(action(Stage.STARTTLS), List.of("220 2.0.0 Ready to start TLS"))) {
                return false;
            }
            upgrade();
            mailFrom = null;
            accepted.clear();
            return true;
        }

        private void upgrade() throws IOException {
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
            ssl.setUseClientMode(false);
            ssl.startHandshake();
            socket = ssl;
            in = new LineSource(ssl.getInputStream());
            out = ssl.getOutputStream();
        }

        private boolean mail(String line) throws IOException {
            if (needRset) {
                return perform(null, List.of("503 5.5.1 Error: send RSET first"));
            }
            mailFrom = between(line);
            accepted.clear();
            return perform(action(Stage.MAIL), List.of("250 2.1.0 Ok"));
        }

        private boolean rcpt(String line) throws IOException {
            if (needRset) {
                return perform(null, List.of("503 5.5.1 Error: send RSET first"));
            }
            String address = between(line);
            ScriptedAction a = rcptActions.get(address.toLowerCase(Locale.ROOT));
            if (a == null) {
                a = action(Stage.RCPT);
            }
            List<String> def = List.of("250 2.1.5 Ok");
            List<String> reply = a != null && !a.lines.isEmpty() ? a.lines : def;
            if (reply.get(reply.size() - 1).startsWith("2")) {
                accepted.add(address);
            }
            return perform(a, def);
        }

        private boolean data() throws IOException {
            ScriptedAction a = action(Stage.DATA);
            List<String> def = accepted.isEmpty() ? List.of("554 5.5.1 Error: no valid recipients")
                    : List.of("354 End data with <CR><LF>.<CR><LF>");
            List<String> reply = a != null && !a.lines.isEmpty() ? a.lines : def;
            if (!perform(a, def)) {
                return false;
            }
            if (!reply.get(reply.size() - 1).startsWith("354")) {
                return true;
            }
            ScriptedAction body = action(Stage.BODY);
            if (body != null && body.disconnect) {
                socket.setSoLinger(true, 0);
                socket.close();
                return false;
            }
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            while (true) {
                byte[] raw = in.readRawLine();
                if (raw == null) {
                    return false;
                }
                if (raw.length == 3 && raw[0] == '.' && raw[1] == '\r' && raw[2] == '\n') {
                    commands.add(new ReceivedCommand(id, in.readNumber(), "."));
                    break;
                }
                wire.write(raw);
                int skip = raw.length > 0 && raw[0] == '.' ? 1 : 0;
                content.write(raw, skip, raw.length - skip);
            }
            ScriptedAction end = accepted.isEmpty() ? null : endOfDataActions.get(accepted.get(0).toLowerCase(Locale.ROOT));
            if (end == null) {
                end = action(Stage.END_OF_DATA);
            }
            boolean refused = end != null && !end.lines.isEmpty() && !end.lines.get(end.lines.size() - 1).startsWith("2");
            if ((end == null || !end.disconnect) && !refused) {
                messages.add(new ReceivedMessage(mailFrom, List.copyOf(accepted), wire.toByteArray(), content.toByteArray()));
            }
            mailFrom = null;
            accepted.clear();
            return perform(end, List.of("250 2.0.0 Ok: queued as Q" + queueIds.incrementAndGet()));
        }

        private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        /** A refused BDAT LAST on a server that wants RSET before anything else (resetAfterRefusedBdat false). */
        private boolean needRset;

        /** RFC 3030: "BDAT n [LAST]", then exactly n bytes; the reply to LAST is the message's receipt. */
        private boolean bdat(String line) throws IOException {
            String[] words = line.trim().split(" +");
            long size;
            try {
                size = Long.parseLong(words[1]);
            } catch (RuntimeException e) {
                return perform(null, List.of("501 5.5.4 Syntax: BDAT size [LAST]"));
            }
            boolean last = words.length > 2 && words[2].equalsIgnoreCase("LAST");
            ScriptedAction body = action(Stage.BODY);
            if (body != null && (body.disconnect || body.hangUp)) {
                // Lost in the middle of a chunk: nothing of it is answered.
                return perform(body, List.of());
            }
            byte[] bytes = in.readBytes(size);
            if (bytes == null) {
                return false;
            }
            if (needRset || mailFrom == null || accepted.isEmpty()) {
                // The chunk is read and thrown away, as RFC 3030 asks, so the next command is found.
                chunks.reset();
                return perform(null, List.of(mailFrom == null ? "503 5.5.1 Error: need MAIL command"
                        : "554 5.5.1 Error: no valid recipients"));
            }
            chunks.write(bytes);
            if (!last) {
                return perform(null, List.of("250 2.0.0 " + size + " bytes received"));
            }
            onChunkReceived.accept(accepted.get(0));
            sleep(bdatReplyDelay);
            bdatAnsweredWithMoreWaiting.add(in.moreWaiting());
            ScriptedAction end = endOfDataActions.get(accepted.get(0).toLowerCase(Locale.ROOT));
            if (end == null) {
                end = action(Stage.END_OF_DATA);
            }
            boolean refused = end != null && !end.lines.isEmpty() && !end.lines.get(end.lines.size() - 1).startsWith("2");
            boolean lost = end != null && (end.disconnect || end.hangUp);
            if (!lost && !refused) {
                byte[] content = chunks.toByteArray();
                messages.add(new ReceivedMessage(mailFrom, List.copyOf(accepted), content, content));
            }
            chunks.reset();
            mailFrom = null;
            accepted.clear();
            needRset = refused && !resetAfterRefusedBdat;
            return perform(end, List.of("250 2.0.0 Ok: " + size + " bytes queued as Q" + queueIds.incrementAndGet()));
        }

        private boolean auth(String line) throws IOException {
            ScriptedAction a = action(Stage.AUTH);
            if (a != null) {
                return perform(a, List.of("535 5.7.8 Authentication credentials invalid"));
            }
            String[] parts = line.split(" ");
            String mech = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
            String initial = parts.length > 2 ? parts[2] : null;
            boolean ok;
            switch (mech) {
                case "PLAIN" -> {
                    String resp = initial != null ? initial : challenge("");
                    String[] f = decode(resp).split("\0", -1);
                    ok = f.length == 3 && f[2].equals(users.get(f[1]));
                }
                case "LOGIN" -> {
                    String user = decode(challenge("VXNlcm5hbWU6"));
                    String pass = decode(challenge("UGFzc3dvcmQ6"));
                    ok = pass.equals(users.get(user));
                }
                case "CRAM-MD5" -> {
                    String nonce = "<" + System.nanoTime() + "@scripted.test>";
                    String[] f = decode(challenge(b64(nonce))).split(" ");
                    ok = f.length == 2 && users.containsKey(f[0]) && f[1].equals(hmac(users.get(f[0]), nonce));
                }
                case "XOAUTH2" -> {
                    String[] f = decode(initial).split("\u0001");
                    String user = f[0].substring(5);
                    ok = f.length >= 2 && f[1].equals("auth=Bearer " + users.get(user));
                    if (!ok) {
                        challenge(b64("{\"status\":\"401\"}"));
                    }
                }
                default -> {
                    return perform(null, List.of("504 5.5.4 Unrecognized authentication type"));
                }
            }
            return perform(null, List.of(ok ? "235 2.7.0 Authentication successful"
                    : "535 5.7.8 Authentication credentials invalid"));
        }

        private String challenge(String text) throws IOException {
            perform(null, List.of("334 " + text));
            String line = in.readLine();
            commands.add(new ReceivedCommand(id, in.readNumber(), line));
            return line == null ? "" : line;
        }

        /** Sends the scripted or default reply; false means the session is over. */
        private boolean perform(ScriptedAction a, List<String> defaultLines) throws IOException {
            if (a != null && a.silent) {
                while (in.readLine() != null) {
                    // Swallow everything until the client gives up.
                }
                return false;
            }
            if (a != null && a.disconnect) {
                socket.setSoLinger(true, 0);
                socket.close();
                return false;
            }
            if (a != null && a.hangUp) {
                closeLingering();
                return false;
            }
            if (a != null && a.hugeLineBytes > 0) {
                writeHuge(a.hugeLineBytes);
                return false;
            }
            List<String> lines = a != null && !a.lines.isEmpty() ? a.lines : defaultLines;
            StringBuilder sb = new StringBuilder();
            for (String l : lines) {
                sb.append(l).append("\r\n");
            }
            if (a != null) {
                for (String l : a.stray) {
                    sb.append(l).append("\r\n");
                }
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            if (a != null && a.trickle != null) {
                for (byte b : bytes) {
                    out.write(b);
                    out.flush();
                    sleep(a.trickle);
                }
            } else {
                out.write(bytes);
                out.flush();
            }
            if (lines.get(lines.size() - 1).startsWith("421") || (a != null && a.closeAfterReply)) {
                closeLingering();
                return false;
            }
            return true;
        }

        /**
         * Closes as a careful server does (a "lingering close"): stop writing, read and discard what the client still
         * sends until it closes, then close. A plain close with unread client bytes sends a reset, and a reset makes
         * the client's kernel drop replies it has not read yet, so the client could not see replies that were sent.
         */
        private void closeLingering() throws IOException {
            try {
                if (!(socket instanceof SSLSocket)) {
                    socket.shutdownOutput();
                    socket.setSoTimeout(2000);
                    byte[] sink = new byte[8192];
                    while (socket.getInputStream().read(sink) >= 0) {
                        // Discarded: the session is over.
                    }
                }
            } catch (IOException ignored) {
                // The client reset or timed out: close below either way.
            } finally {
                socket.close();
            }
        }

        private void writeHuge(int n) throws IOException {
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) 'x');
            out.write("250 ".getBytes(StandardCharsets.US_ASCII));
            for (int sent = 0; sent < n; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, n - sent));
            }
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private static String verb(String line) {
        int sp = line.indexOf(' ');
        String v = sp < 0 ? line : line.substring(0, sp);
        if (v.regionMatches(true, 0, "MAIL", 0, 4)) {
            return "MAIL";
        }
        if (v.regionMatches(true, 0, "RCPT", 0, 4)) {
            return "RCPT";
        }
        return v.toUpperCase(Locale.ROOT);
    }

    private static String between(String line) {
        int a = line.indexOf('<');
        int b = line.indexOf('>', a + 1);
        return a < 0 || b < 0 ? "" : line.substring(a + 1, b);
    }

    private static String decode(String b64) {
        try {
            return new String(Base64.getDecoder().decode(b64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            StringBuilder sb = new StringBuilder();
            for (byte b : mac.doFinal(data.getBytes(StandardCharsets.UTF_8))) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Loads a PKCS12 test key store from src/test/resources/smtp (password "changeit"). */
    public static KeyStore keyStore(String resource) {
        try (InputStream in = ScriptedSmtpServer.class.getResourceAsStream("/smtp/" + resource)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, "changeit".toCharArray());
            return ks;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load test key store " + resource, e);
        }
    }
}
