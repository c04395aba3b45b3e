package org.broadside.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.broadside.campaign.CampaignChangedOnDiskException;

import java.io.IOException;
import java.nio.file.Path;

/** The window around one campaign document: its title, saving, and whether closing would lose edits. */
public final class MainWindowViewModel {
    private final CampaignDraft draft;
    private final RecentFiles recent;
    private final StringProperty message = new SimpleStringProperty("");
    /** Set when a save was refused because someone else saved the file: the window shows it in a dialog. */
    private final StringProperty refusal = new SimpleStringProperty();
    private final StringBinding title;

    public MainWindowViewModel(CampaignDraft draft, RecentFiles recent) {
        this(draft, recent, null);
    }

    /**
     * @param teamStore the team store the app is on ("team store db:5432/broadside"), shown at the end of the title
     *                  so nobody sends from the shared store thinking they are on their own; null on this computer's
     */
    public MainWindowViewModel(CampaignDraft draft, RecentFiles recent, String teamStore) {
        this.draft = draft;
        this.recent = recent;
        String suffix = " — Broadside" + (teamStore == null ? "" : " — " + teamStore);
        title = Bindings.createStringBinding(() -> (draft.isDirty() ? "• " : "") + draft.displayName()
                + (draft.file() == null ? "" : " — " + draft.file().getFileName()) + suffix,
                draft.dirtyProperty(), draft.fileProperty(), draft.campaignProperty());
        if (draft.file() != null) recent.add(draft.file());
    }

    private Runnable beforeSave = () -> { };

    /** What the panels finish before the draft is written (the HTML source being edited is tidied). */
    public void setBeforeSave(Runnable beforeSave) { this.beforeSave = beforeSave; }

    public CampaignDraft draft() { return draft; }
    public StringBinding titleProperty() { return title; }
    public StringProperty messageProperty() { return message; }
    public StringProperty refusalProperty() { return refusal; }

    /** True when Save must ask for a file first. */
    public boolean needsFile() { return draft.file() == null; }

    /** Saves to the current file, or the given one; answers false (with a message) when it failed. */
    public boolean save(Path target) {
        Path to = target != null ? target : draft.file();
        if (to == null) throw new IllegalStateException("choose a file first");
        beforeSave.run();
        if (!to.getFileName().toString().endsWith(".json")) to = to.resolveSibling(to.getFileName() + ".json");
        try {
            draft.saveTo(to);
            recent.add(to);
            message.set("Saved " + to.getFileName());
            return true;
        } catch (CampaignChangedOnDiskException e) {
            message.set(e.getMessage());
            refusal.set(e.getMessage());
            return false;
        } catch (IOException e) {
            message.set("Could not save " + to + ": " + e.getMessage());
            return false;
        }
    }
}
