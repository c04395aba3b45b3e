/**
 * {@code broadside serve}: the public side of Broadside on Jetty (ADR 0019). RFC 8058 one-click unsubscribe, the
 * landing page behind the [Unsubscribe] link, the pull API for desktops without a shared store, and opt-in tracking.
 * Nothing here is reachable but those routes; every answer carries the security headers and no version or stack trace.
 */
package org.broadside.server;
