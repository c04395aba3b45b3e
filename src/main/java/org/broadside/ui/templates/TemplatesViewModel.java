package org.broadside.ui.templates;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.Template;
import org.broadside.campaign.Templates;
import org.broadside.ui.common.BackgroundRunner;

import java.util.Optional;
import java.util.function.Supplier;

/** The "New from template" dialog: the templates, a preview of the chosen one, Create and Delete (own templates only). */
public final class TemplatesViewModel {
    private final Templates templates;
    private final BackgroundRunner runner;
    private final Supplier<String> newId;
    private final ObservableList<Template> items = FXCollections.observableArrayList();
    private final ObjectProperty<Template> selected = new SimpleObjectProperty<>();
    private final StringProperty previewSubject = new SimpleStringProperty("");
    private final StringProperty previewHtml = new SimpleStringProperty("");
    private final BooleanProperty canDelete = new SimpleBooleanProperty();
    private final StringProperty problem = new SimpleStringProperty("");

    public TemplatesViewModel(Templates templates, BackgroundRunner runner, Supplier<String> newId) {
        this.templates = templates;
        this.runner = runner;
        this.newId = newId;
        selected.addListener((o, a, t) -> preview(t));
    }

    public ObservableList<Template> items() { return items; }
    public ObjectProperty<Template> selectedProperty() { return selected; }
    public StringProperty previewSubjectProperty() { return previewSubject; }
    /** The HTML part as the recipient's mail program shows it, or the text part when there is no HTML. */
    public StringProperty previewHtmlProperty() { return previewHtml; }
    public BooleanProperty canDeleteProperty() { return canDelete; }
    public StringProperty problemProperty() { return problem; }

    /** Reads the built-in and saved templates and selects the first. */
    public void load() {
        runner.run(templates::list, list -> {
            items.setAll(list);
            selected.set(list.isEmpty() ? null : list.get(0));
        }, e -> problem.set("The templates could not be read: " + e.getMessage()));
    }

    /** The campaign to open for the chosen template, with a new id; empty when none is chosen. */
    public Optional<Campaign> create() {
        Template t = selected.get();
        return t == null ? Optional.empty() : Optional.of(Templates.newCampaign(t, newId.get()));
    }

    /** Deletes the chosen template when it is the user's own. */
    public void delete() {
        Template t = selected.get();
        if (t == null || t.builtIn()) return;
        runner.run(() -> {
            templates.delete(t);
            return t;
        }, gone -> {
            int at = items.indexOf(gone);
            items.remove(gone);
            selected.set(items.isEmpty() ? null : items.get(Math.min(at, items.size() - 1)));
        }, e -> problem.set("The template \"" + t.name() + "\" could not be deleted: " + e.getMessage()));
    }

    private void preview(Template t) {
        canDelete.set(t != null && !t.builtIn());
        if (t == null) {
            previewSubject.set("");
            previewHtml.set("");
            return;
        }
        Campaign c = t.campaign();
        previewSubject.set(c.subject() == null ? "" : c.subject());
        String html = c.html();
        previewHtml.set(html != null && !html.isBlank() ? html
                : "<pre style=\"font-family: sans-serif; white-space: pre-wrap\">" + escape(c.text() == null ? "" : c.text()) + "</pre>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
