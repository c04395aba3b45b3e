package org.broadside.delivery.direct;

import org.broadside.deliverability.dns.DnsLookup;
import org.broadside.delivery.ConnectionId;
import org.broadside.delivery.Messenger;
import org.broadside.delivery.MessengerSession;

/**
 * Delivers straight to each recipient's MX (account kind DIRECT). A session opens no connection up front: it
 * connects per destination domain on first use and keeps recent ones open, so one connection carries many
 * messages. Connection limits and back-off are per destination and shared by all sessions of this messenger.
 */
public final class DirectMessenger implements Messenger {
    private final DirectOptions options;
    private final RouteResolver routes;
    private final Destinations destinations;

    public DirectMessenger(DnsLookup dns, DirectOptions options) {
        this.options = options;
        this.routes = new RouteResolver(dns, options.targetPolicy());
        this.destinations = new Destinations(options.maxConnectionsPerDestination(), options.firstBackoff(),
                options.maxBackoff());
    }

    @Override
    public MessengerSession open(ConnectionId id, SessionLog log) {
        return new DirectSession(options, routes, destinations, log);
    }
}
