/**
 * Scheduled delivery: when a campaign starts, the daily window it sends in, and the claim that keeps the desktop app
 * and "broadside schedule run" from sending the same campaign at once (ADR 0009). No JavaFX here.
 */
package org.broadside.schedule;
