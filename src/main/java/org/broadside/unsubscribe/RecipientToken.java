package org.broadside.unsubscribe;

/**
 * What a token stands for: one recipient of one campaign, and the language their pages are shown in.
 *
 * @param language a two-letter code ("fr"), or null for the browser's choice
 */
public record RecipientToken(String campaignUid, String email, String language) {}
