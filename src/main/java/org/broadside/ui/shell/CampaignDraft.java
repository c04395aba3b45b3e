package org.broadside.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignChangedOnDiskException;
import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.CampaignFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The campaign a window edits: the current state, the last saved state and the file. Every tab's view model
 * changes it through {@link #update}, so "unsaved changes" is simply "current differs from saved".
 */
public final class CampaignDraft {
    private final ObjectProperty<Campaign> current = new SimpleObjectProperty<>();
    private final ObjectProperty<Campaign> saved = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final BooleanBinding dirty = Bindings.createBooleanBinding(
            () -> !Objects.equals(current.get(), saved.get()), current, saved);

    /**
     * The file's text as this window last read or wrote it, so a save can tell that somebody else saved the same
     * campaign meanwhile (a shared folder, two desktops) and refuse instead of overwriting them; null while unknown.
     */
    private String onDisk;

    public CampaignDraft(Campaign campaign, Path file) {
        current.set(campaign);
        saved.set(file == null ? null : campaign);
        this.file.set(file);
        onDisk = file == null ? null : readOrNull(file);
    }

    private static String readOrNull(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null; // unreadable now: the save will say so, and without a known text there is nothing to compare
        }
    }

    /**
     * A new, empty campaign: not saved anywhere yet, and nothing in it to lose, so closing it untouched asks nothing
     * (it asked "Save the changes to "New campaign"?" about changes nobody made). Once edited, it asks as any other.
     */
    public static CampaignDraft blank(Campaign campaign) {
        // The message as the editor writes it back ("" for no HTML): a field typed in and emptied again is untouched.
        Campaign c = campaign.html() == null ? campaign.withMessage(campaign.from(), campaign.replyTo(), campaign.subject(),
                campaign.text(), "") : campaign;
        CampaignDraft d = new CampaignDraft(c, null);
        d.saved.set(c);
        return d;
    }

    /**
     * The draft of an opened file. Its HTML is taken in the form the editor keeps (cleaned: doctype, charset), as the
     * saved state too: the editor tidies it as the window opens, and a file merely opened must not read as changed
     * (a "•" in the title and "Save changes?" on closing for something the user never touched).
     */
    public static CampaignDraft of(CampaignDocument doc) {
        Campaign c = doc.campaign();
        String html = c.html();
        if (html != null && !html.isBlank()) {
            String cleaned = org.broadside.compose.EmailHtml.clean(html);
            if (!cleaned.equals(html)) c = c.withMessage(c.from(), c.replyTo(), c.subject(), c.text(), cleaned);
        }
        return new CampaignDraft(c, doc.file());
    }

    public Campaign campaign() { return current.get(); }
    public ReadOnlyObjectProperty<Campaign> campaignProperty() { return current; }
    public Path file() { return file.get(); }
    public ReadOnlyObjectProperty<Path> fileProperty() { return file; }
    public BooleanBinding dirtyProperty() { return dirty; }
    public boolean isDirty() { return dirty.get(); }

    public void update(UnaryOperator<Campaign> change) {
        current.set(change.apply(current.get()));
    }

    /** The document as it would be sent now (unsaved edits included). */
    public CampaignDocument document() {
        return new CampaignDocument(current.get(), file.get());
    }

    /**
     * Writes the campaign; saving over its own file is refused with {@link CampaignChangedOnDiskException} when that
     * file changed since this window read or wrote it. Save As to another file writes (the file chooser has asked).
     */
    public void saveTo(Path target) throws IOException {
        Campaign c = current.get();
        boolean ownFile = file.get() != null && onDisk != null
                && file.get().toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize());
        if (ownFile) {
            onDisk = CampaignFiles.writeIfUnchanged(c, target, onDisk);
        } else {
            CampaignFiles.write(c, target);
            onDisk = CampaignFiles.toJson(c);
        }
        file.set(target.toAbsolutePath());
        saved.set(c);
    }

    public String displayName() {
        return document().displayName();
    }
}
