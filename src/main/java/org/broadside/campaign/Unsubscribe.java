package org.broadside.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How recipients opt out. {@code url} may contain {@code [Token]}, replaced by an opaque per-recipient token;
 * an https URL also enables RFC 8058 one-click unsubscribe. {@code server} names a Broadside server
 * ({@code broadside serve}) instead: the List-Unsubscribe URL and the [Unsubscribe] link are then
 * {@code <server>/u/<token>}, with a token that server can resolve.
 *
 * @param mailto   address for List-Unsubscribe mailto requests
 * @param url      https URL template
 * @param none     true when the user explicitly accepts sending without an unsubscribe method
 * @param server   the Broadside server's public URL ("https://news.acme.example"), or null
 * @param language the landing page's language: a code ("fr") or a field ("[Language]") whose value is one; null: the browser's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Unsubscribe(String mailto, String url, Boolean none, String server, String language) {
    public Unsubscribe(String mailto, String url, Boolean none) {
        this(mailto, url, none, null, null);
    }

    /** True when the user chose to send without any unsubscribe method. */
    public boolean noneChosen() { return Boolean.TRUE.equals(none); }

    /** True when a Broadside server receives the unsubscribes. */
    public boolean hasServer() { return server != null && !server.isBlank(); }

    /** The server's URL without a trailing slash, or null. */
    public String serverBase() {
        if (!hasServer()) return null;
        String s = server.strip();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
