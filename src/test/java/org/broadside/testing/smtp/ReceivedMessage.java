package org.broadside.testing.smtp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A message the scripted server accepted: envelope, the DATA bytes as on the wire, and unstuffed content. */
public record ReceivedMessage(String mailFrom, List<String> recipients, byte[] wire, byte[] content) {
    public String contentText() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
