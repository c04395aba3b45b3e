package org.broadside.server;

import org.broadside.store.Database;
import org.broadside.unsubscribe.RecipientTokens;
import org.broadside.unsubscribe.ServerEventLog;
import org.broadside.unsubscribe.ServerSecret;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.URI;

/**
 * The Broadside server: Jetty with the limits that keep it up on the open internet (8 KiB of headers, small bodies
 * per route, a 15 s idle timeout for slow clients, at most 2,000 connections, a bounded thread pool, a rate limit
 * per client address), its own error answers (a status and a sentence: no version, no stack trace), and a
 * graceful stop that finishes the requests in flight and then writes every queued event before it returns.
 */
public final class BroadsideServer implements AutoCloseable {
    static final int MAX_HEADERS = 8 * 1024;
    static final long IDLE_TIMEOUT_MS = 15_000;
    static final int MAX_CONNECTIONS = 2_000;

    private final Server jetty;
    private final ServerConnector connector;
    private final ServerEventLog log;
    private final boolean tls;

    private BroadsideServer(Server jetty, ServerConnector connector, ServerEventLog log, boolean tls) {
        this.jetty = jetty;
        this.connector = connector;
        this.log = log;
        this.tls = tls;
    }

    /** Starts a server on this store with this secret; the caller closes it. */
    public static BroadsideServer start(Database db, ServerSecret secret, ServerOptions options) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("serve");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(true);
        http.setRequestHeaderSize(MAX_HEADERS);
        http.setResponseHeaderSize(MAX_HEADERS);
        http.setHttpCompliance(HttpCompliance.RFC7230);
        ServerConnector connector;
        if (options.tlsCert() != null) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(PemTls.keyStore(options.tlsCert(), options.tlsKey()));
            ssl.setKeyStorePassword(new String(PemTls.PASSWORD));
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            http.addCustomizer(new SecureRequestCustomizer(false));
            connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        }
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        jetty.addConnector(connector);
        jetty.addBean(new ConnectionLimit(MAX_CONNECTIONS, connector));

        ServerEventLog log = new ServerEventLog(db);
        RecipientTokens tokens = new RecipientTokens(secret);
        FormGuard forms = new FormGuard(secret.formKey());
        PublicRoutes routes = new PublicRoutes(tokens, log, forms, options, new PullApi(log, secret.pullKey()), SenderNames.from(log::campaignName));
        GracefulHandler graceful = new GracefulHandler(routes);
        jetty.setHandler(graceful);
        jetty.setErrorHandler(new PlainErrors());
        jetty.setStopTimeout(10_000);
        jetty.setStopAtShutdown(false);
        try {
            jetty.start();
        } catch (Exception e) {
            log.close();
            jetty.stop();
            if (e instanceof IOException io) throw new IOException("cannot listen on " + options.host() + ":" + options.port() + ": " + io.getMessage(), io);
            throw e;
        }
        return new BroadsideServer(jetty, connector, log, options.tlsCert() != null);
    }

    /** The port it listens on (the chosen one when the options said 0). */
    public int port() { return connector.getLocalPort(); }

    /** http://127.0.0.1:PORT or https://..., for tests and the start message. */
    public URI localUrl() {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return URI.create((tls ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /** The event log, for the benchmark's count and for tests. */
    public ServerEventLog events() { return log; }

    /** Stops taking connections, finishes the requests in flight, then writes every queued event. */
    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } finally {
            log.close();
        }
    }

    /** Errors Jetty answers itself (bad requests, headers too large): the status and one sentence, as plain text. */
    private static final class PlainErrors extends ErrorHandler {
        PlainErrors() {
            setShowStacks(false);
            setShowMessageInTitle(false);
        }

        @Override
        public boolean handle(Request request, org.eclipse.jetty.server.Response response, org.eclipse.jetty.util.Callback callback) {
            Object s = request.getAttribute(ERROR_STATUS);
            int status = s instanceof Integer i ? i : response.getStatus();
            if (status < 400) status = 500;
            SecurityHeaders.apply(response, "none", false);
            return Answer.refuse(response, callback, status, status >= 500 ? "Something went wrong." : "Bad request.");
        }
    }
}
