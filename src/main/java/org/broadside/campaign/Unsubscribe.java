package org.broadside.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How recipients opt out. {@code url} may contain {@code [Token]}, replaced by an opaque per-recipient token;
 * an https URL also enables RFC 8058 one-click unsubscribe.
 *
 * @param mailto  address for List-Unsubscribe mailto requests
 * @param url     https URL template
 * @param none    true when the user explicitly accepts sending without an unsubscribe method
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Unsubscribe(String mailto, String url, Boolean none) {
    /** True when the user chose to send without any unsubscribe method. */
    public boolean noneChosen() { return Boolean.TRUE.equals(none); }
}
