package org.broadside.server;

import java.net.URI;
import java.nio.file.Path;

/**
 * How {@code broadside serve} listens and presents itself.
 *
 * @param host             the address to listen on ("127.0.0.1" behind a reverse proxy)
 * @param port             0 for any free port (tests)
 * @param publicUrl        the URL people reach the server at (its path is the prefix of every form action), or null
 * @param tlsCert          PEM certificate chain to serve HTTPS itself, or null
 * @param tlsKey           PEM PKCS#8 key of that certificate, or null
 * @param ratePerMinute    requests a minute per client address (0: no limit)
 * @param trustProxy       take the client address from X-Forwarded-For (only behind a proxy that sets it)
 * @param style            the sender's name and colours
 */
public record ServerOptions(String host, int port, URI publicUrl, Path tlsCert, Path tlsKey, int ratePerMinute, boolean trustProxy,
                            PageStyle style) {
    public static final int DEFAULT_RATE = 120;

    public ServerOptions {
        if ((tlsCert == null) != (tlsKey == null)) throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        if (ratePerMinute < 0) throw new IllegalArgumentException("--rate-limit must be 0 (off) or more");
        if (style == null) style = PageStyle.DEFAULT;
    }

    /** Loopback on a free port, no TLS, the default limits: for tests. */
    public static ServerOptions loopback() {
        return new ServerOptions("127.0.0.1", 0, null, null, null, DEFAULT_RATE, false, PageStyle.DEFAULT);
    }

    public ServerOptions withRate(int perMinute) {
        return new ServerOptions(host, port, publicUrl, tlsCert, tlsKey, perMinute, trustProxy, style);
    }

    public ServerOptions withTls(Path cert, Path key) {
        return new ServerOptions(host, port, publicUrl, cert, key, ratePerMinute, trustProxy, style);
    }

    public ServerOptions withStyle(PageStyle s) {
        return new ServerOptions(host, port, publicUrl, tlsCert, tlsKey, ratePerMinute, trustProxy, s);
    }

    /** The path before "/u/..." in links: the public URL's path without its trailing slash. */
    String pathPrefix() {
        if (publicUrl == null || publicUrl.getRawPath() == null) return "";
        String p = publicUrl.getRawPath();
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
