package org.broadside.ui.preview;

import org.broadside.campaign.CampaignDocument;
import org.broadside.compose.CampaignComposer;
import org.broadside.compose.Preview;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;

/** Renders a preview with the same composer the engine uses, so what you see is what recipients get. */
public final class ComposerPreviewRenderer implements PreviewRenderer {
    private final Supplier<byte[]> tokenKey;
    private CampaignDocument preparedFor;
    private CampaignComposer composer;

    public ComposerPreviewRenderer(Supplier<byte[]> tokenKey) {
        this.tokenKey = tokenKey;
    }

    @Override
    public synchronized Rendered render(CampaignDocument doc, ContactList list, Contact contact) throws Exception {
        // Preparing compiles the templates and reads attachments: do it once per version of the document.
        if (composer == null || !doc.equals(preparedFor)) {
            composer = CampaignComposer.prepare(doc, tokenKey.get(), Clock.systemUTC());
            preparedFor = doc;
        }
        Preview p = composer.preview(Math.max(1, contact.id()), contact.email(), contact.fields());
        return new Rendered(p.subject() == null ? "" : p.subject(), p.text() == null ? "" : p.text(),
                p.html() == null ? "" : p.html(), p.raw() == null ? null : new String(p.raw(), StandardCharsets.UTF_8), p.skipReason());
    }
}
