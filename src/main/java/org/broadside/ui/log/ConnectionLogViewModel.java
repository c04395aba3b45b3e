package org.broadside.ui.log;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.broadside.delivery.AccountLine;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.ConnectFailureLine;
import org.broadside.delivery.SessionException;
import org.broadside.delivery.smtp.SmtpConnection;
import org.broadside.delivery.LineDirection;
import org.broadside.delivery.LogLine;
import org.broadside.ui.common.BackgroundRunner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The connection log of one campaign: its connections, the lines of the chosen one with explanations, a search
 * that keeps matching lines, and a way to jump to the transaction of one recipient.
 */
public final class ConnectionLogViewModel {
    private final CampaignRepository campaigns;
    private final BackgroundRunner runner;
    private final ReplyWords.Explainer explainer;
    private final ObservableList<ConnectionKey> connections = FXCollections.observableArrayList();
    private final ObservableList<LogEntry> lines = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionKey> selected = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    /** Index in {@link #lines()} to scroll to (the focused recipient's first line), -1 for none. */
    private final IntegerProperty focusIndex = new SimpleIntegerProperty(-1);
    private Map<ConnectionKey, List<LogEntry>> all = Map.of();
    private long focusRecipient;
    private String campaignName;
    private java.nio.file.Path exportFolder;

    public ConnectionLogViewModel(CampaignRepository campaigns, BackgroundRunner runner, ReplyWords.Explainer explainer) {
        this.campaigns = campaigns;
        this.runner = runner;
        this.explainer = explainer;
        selected.addListener((o, a, b) -> show());
        search.addListener((o, a, b) -> show());
    }

    public ObservableList<ConnectionKey> connections() { return connections; }
    public ObservableList<LogEntry> lines() { return lines; }
    public ObjectProperty<ConnectionKey> selectedProperty() { return selected; }
    public StringProperty searchProperty() { return search; }
    public StringProperty statusProperty() { return status; }
    public IntegerProperty focusIndexProperty() { return focusIndex; }

    /** The name of the campaign shown, or null before one is loaded by record. */
    public String campaignName() { return campaignName; }

    /** Where an export opens: the campaign document's folder, or null (the home folder) while it has none. */
    public java.nio.file.Path exportFolder() { return exportFolder; }

    public void exportIn(java.nio.file.Path folder) { exportFolder = folder; }

    /** Loads the campaign's log (see {@link #load(long, long)}); its name then names an export. */
    public void load(org.broadside.delivery.CampaignRecord campaign, long recipientId) {
        campaignName = campaign.name();
        load(campaign.id(), recipientId);
    }

    /** Loads every connection of the campaign; with a recipient id, selects the connection of its last transaction. */
    public void load(long campaignId, long recipientId) {
        status.set("Loading the connection log…");
        runner.run(() -> read(campaignId), loaded -> {
            all = loaded;
            focusRecipient = recipientId;
            connections.setAll(loaded.keySet());
            ConnectionKey target = null;
            if (recipientId > 0) {
                for (Map.Entry<ConnectionKey, List<LogEntry>> e : loaded.entrySet()) {
                    if (e.getValue().stream().anyMatch(l -> l.line().recipientId() == recipientId)) target = e.getKey();
                }
            }
            if (target == null && !connections.isEmpty()) target = connections.get(0);
            selected.set(target);
            show();
            status.set(connections.isEmpty() ? "No connection was logged for this campaign yet."
                    : connections.size() + " connection(s)");
        }, e -> status.set("The log could not be read: " + e.getMessage()));
    }

    private Map<ConnectionKey, List<LogEntry>> read(long campaignId) {
        Map<String, List<LogLine>> grouped = new LinkedHashMap<>();
        campaigns.forEachLogLine(campaignId, 0, 0, l -> grouped.computeIfAbsent(l.runId() + "/" + l.connection(), k -> new ArrayList<>()).add(l));
        Map<ConnectionKey, List<LogEntry>> out = new LinkedHashMap<>();
        for (List<LogLine> ls : grouped.values()) {
            List<LogEntry> entries = new ArrayList<>(ls.size());
            boolean afterEndOfData = false;
            for (LogLine l : ls) {
                String why = l.direction() == LineDirection.SERVER && (afterEndOfData || !positive(l.text()))
                        ? ReplyWords.explain(l.text(), explainer)
                        : l.direction() == LineDirection.INFO ? Explanations.explainInfo(l.text()) : null;
                if (l.direction() == LineDirection.CLIENT) afterEndOfData = l.text().equals(".");
                else if (l.direction() == LineDirection.SERVER) afterEndOfData = false;
                entries.add(new LogEntry(l, why));
            }
            out.put(key(ls), entries);
        }
        return out;
    }

    /** The list's entry for one connection's lines: its account, server and failure are read from its INFO lines. */
    static ConnectionKey key(List<LogLine> ls) {
        LogLine first = ls.get(0);
        String account = null;
        String server = null;
        SessionException.Failure failure = null;
        for (LogLine l : ls) {
            if (l.direction() != LineDirection.INFO) continue;
            if (account == null) account = AccountLine.accountOf(l.text());
            if (server == null && l.text().startsWith(SmtpConnection.CONNECTING)) {
                server = l.text().substring(SmtpConnection.CONNECTING.length()).strip();
            }
            if (failure == null) failure = ConnectFailureLine.failureOf(l.text());
        }
        return new ConnectionKey(first.runId(), first.connection(), first.at(), ls.size(), account, server, failure);
    }

    /**
     * 2xx and 3xx replies along the way need no words; only the receipt (the reply to end of data) and
     * refusals are explained, so the explanations stand out where they matter.
     */
    private static boolean positive(String reply) {
        return !reply.isEmpty() && (reply.charAt(0) == '2' || reply.charAt(0) == '3');
    }

    private void show() {
        ConnectionKey key = selected.get();
        List<LogEntry> source = key == null ? List.of() : all.getOrDefault(key, List.of());
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        List<LogEntry> shown = q.isEmpty() ? source
                : source.stream().filter(l -> l.asText().toLowerCase(Locale.ROOT).contains(q)).toList();
        lines.setAll(shown);
        int idx = -1;
        if (focusRecipient > 0) {
            for (int i = 0; i < shown.size(); i++) {
                if (shown.get(i).line().recipientId() == focusRecipient) {
                    idx = i;
                    break;
                }
            }
        }
        focusIndex.set(idx);
    }

    /** The given lines as text, for the clipboard. */
    public static String asText(List<LogEntry> entries) {
        return entries.stream().map(LogEntry::asText).collect(Collectors.joining(System.lineSeparator()));
    }

    /** Writes every connection (not just the shown one) to a text file. */
    public void export(Path target) {
        Map<ConnectionKey, List<LogEntry>> snapshot = all;
        runner.run(() -> {
            StringBuilder sb = new StringBuilder();
            snapshot.forEach((k, v) -> sb.append("== ").append(k).append(System.lineSeparator()).append(asText(v))
                    .append(System.lineSeparator()).append(System.lineSeparator()));
            Files.writeString(target, sb.toString(), StandardCharsets.UTF_8);
            return snapshot.size();
        }, n -> status.set("Exported " + n + " connection(s) to " + target.getFileName()),
                e -> status.set("The log could not be exported: " + (e instanceof IOException ? e.getMessage() : e.toString())));
    }
}
