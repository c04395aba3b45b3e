package org.broadside.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Opt-in tracking through the campaign's Broadside server ({@code unsubscribe.server}); off unless the campaign says
 * {@code "tracking": {"opens": true, "clicks": true}}. Opens are an image the mail client may or may not load
 * (image blocking, Apple Mail Privacy Protection loads every image): a lower bound at best, never proof of reading.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tracking(Boolean opens, Boolean clicks) {
    public boolean opensOn() { return Boolean.TRUE.equals(opens); }

    public boolean clicksOn() { return Boolean.TRUE.equals(clicks); }
}
