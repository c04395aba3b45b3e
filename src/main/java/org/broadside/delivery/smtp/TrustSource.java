package org.broadside.delivery.smtp;

import java.security.KeyStore;
import javax.net.ssl.SSLContext;

/** Where certificate trust comes from: the JDK's CA store, a test key store, or (tests only) a prepared SSLContext. */
final class TrustSource {
    final KeyStore trustStore;
    final SSLContext context;

    private TrustSource(KeyStore trustStore, SSLContext context) {
        this.trustStore = trustStore;
        this.context = context;
    }

    static TrustSource jdkDefault() {
        return new TrustSource(null, null);
    }

    static TrustSource of(KeyStore ks) {
        return new TrustSource(ks, null);
    }

    static TrustSource of(SSLContext ctx) {
        return new TrustSource(null, ctx);
    }
}
