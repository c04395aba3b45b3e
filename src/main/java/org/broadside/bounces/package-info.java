/**
 * Bounce, complaint and unsubscribe processing: reads a mailbox over IMAP or POP3, classifies each message,
 * maps it to the campaign recipient it answers, applies the stored rules (blacklist, contact flag) and records
 * every action as an undoable bounce event. No JavaFX here: the GUI calls {@link org.broadside.bounces.MailboxScanner}
 * and {@link org.broadside.bounces.ScheduledScans}.
 */
package org.broadside.bounces;
