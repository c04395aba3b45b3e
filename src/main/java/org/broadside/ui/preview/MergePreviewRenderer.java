package org.broadside.ui.preview;

import org.broadside.campaign.CampaignDocument;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.merge.FieldNames;
import org.broadside.merge.Template;
import org.broadside.merge.TemplateMode;
import org.broadside.merge.UnsafeHeaderValueException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Renders subject and bodies with the merge engine alone (no MIME): used until a composer is plugged in. */
public final class MergePreviewRenderer implements PreviewRenderer {
    @Override
    public Rendered render(CampaignDocument doc, ContactList list, Contact contact) throws Exception {
        Map<String, String> values = new HashMap<>();
        contact.fields().forEach((k, v) -> values.put(FieldNames.normalize(k), v));
        values.put("email", contact.email());
        values.put("date", LocalDate.now().toString());
        values.put("campaign", doc.displayName());
        values.put("unsubscribe", "(unsubscribe link of " + contact.email() + ")");
        try {
            String subject = render(doc.campaign().subject(), TemplateMode.HEADER, values);
            return new Rendered(subject, render(doc.textBody(), TemplateMode.TEXT, values),
                    render(doc.htmlBody(), TemplateMode.HTML, values), null, null);
        } catch (UnsafeHeaderValueException e) {
            return new Rendered("", "", "", null, e.getMessage());
        }
    }

    private static String render(String src, TemplateMode mode, Map<String, String> values) throws Exception {
        if (src == null || src.isEmpty()) return "";
        return Template.compile(src, mode).render(values::get);
    }
}
