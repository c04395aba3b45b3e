package org.broadside.bounces;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Implicit TLS in front of a plain GreenMail server, with a certificate from src/test/resources/smtp. GreenMail's own
 * imaps certificate names no host, so a client that checks host names (ours always does) could never accept it.
 */
final class TlsProxy implements AutoCloseable {
    private final SSLServerSocket server;
    private final int backendPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tls-proxy");
        t.setDaemon(true);
        return t;
    });

    TlsProxy(String keyStoreResource, int backendPort) throws Exception {
        this.backendPort = backendPort;
        KeyStore keys = keyStore(keyStoreResource);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    static KeyStore keyStore(String resource) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = GreenMailboxes.resource(resource)) {
            ks.load(in, "changeit".toCharArray());
        }
        return ks;
    }

    int port() { return server.getLocalPort(); }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
                threads.submit(() -> pump(client.getInputStream(), backend.getOutputStream(), client, backend));
                threads.submit(() -> pump(backend.getInputStream(), client.getOutputStream(), client, backend));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static Void pump(InputStream in, OutputStream out, Socket a, Socket b) {
        try (a; b) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // the other side closed, or the handshake failed: both sockets close
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
