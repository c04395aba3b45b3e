/**
 * The Broadside server's data, independent of HTTP: the server secret and the keys derived from it, recipient tokens
 * the server can resolve but nobody can forge, the server's own event log (group-committed), and the pull protocol
 * by which a desktop without a shared store fetches, applies and acknowledges those events (ADR 0020).
 */
package org.broadside.unsubscribe;
