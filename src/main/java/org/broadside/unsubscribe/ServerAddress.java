package org.broadside.unsubscribe;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks the address of a Broadside server before a desktop saves its key: an http(s) URL with a host, and https
 * unless the server runs on this computer, because the pull key and the recipients' addresses travel with every pull.
 */
public final class ServerAddress {
    private ServerAddress() {}

    /** The address as it will be stored (no trailing slash); refused with a sentence naming what is wrong. */
    public static String check(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new InvalidServerAddressException("Type the server's address, like https://news.acme.example.");
        URI u;
        try {
            u = new URI(t);
        } catch (URISyntaxException e) {
            throw new InvalidServerAddressException("\"" + t + "\" is not a web address like https://news.acme.example.");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || u.getHost() == null)
            throw new InvalidServerAddressException("\"" + t + "\" is not a web address like https://news.acme.example.");
        if (u.getRawQuery() != null || u.getRawFragment() != null)
            throw new InvalidServerAddressException("Give the server's address alone, like https://news.acme.example, without \"?\" or \"#\".");
        if (scheme.equals("http") && !isLoopback(u.getHost()))
            throw new InvalidServerAddressException("Use https:// for a server on another machine: over http:// its key and the unsubscribed addresses "
                    + "could be read on the way. (http:// is accepted only for a server on this computer, like http://127.0.0.1:8080.)");
        return UnsubscribeServerRepository.normalize(t);
    }

    /** localhost or a loopback literal; names are not resolved (a DNS answer must not decide whether TLS is needed). */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        if (h.equals("localhost")) return true;
        if (!h.matches("[0-9.]+") && !h.contains(":")) return false;
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
