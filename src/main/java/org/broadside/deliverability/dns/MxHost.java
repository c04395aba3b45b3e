package org.broadside.deliverability.dns;

/** One MX record: lower preference is tried first. {@code host} has no trailing dot. */
public record MxHost(int preference, String host) {
}
