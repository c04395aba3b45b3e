package org.broadside.ui.preview;

import org.broadside.campaign.CampaignDocument;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;

/** Renders the campaign for one contact. Runs in the background. */
@FunctionalInterface
public interface PreviewRenderer {
    Rendered render(CampaignDocument doc, ContactList list, Contact contact) throws Exception;

    /** What one recipient would get; skipReason is set when the engine would skip them. raw may be null. */
    record Rendered(String subject, String text, String html, String raw, String skipReason) {}
}
