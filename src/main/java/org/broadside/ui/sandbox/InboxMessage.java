package org.broadside.ui.sandbox;

import java.nio.file.Path;

/**
 * One message the Sandbox received, as the inbox lists it: where its file is and the few headers shown. The body
 * is not here on purpose: it stays on disk until someone selects the message.
 */
public record InboxMessage(int index, Path file, String to, String from, String subject) {}
