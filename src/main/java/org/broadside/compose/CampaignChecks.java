package org.broadside.compose;

import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignDocument;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.deliverability.checks.DomainCheck;
import org.broadside.deliverability.checks.MessageChecks;
import org.broadside.merge.Condition;
import org.broadside.merge.FieldLookup;
import org.broadside.merge.Preflight;
import org.broadside.merge.PreflightIssue;
import org.broadside.merge.PreflightReport;
import org.broadside.merge.Severity;
import org.broadside.merge.TemplateMode;
import org.broadside.merge.TemplateSource;
import org.broadside.mime.MailAddress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The pre-send check of a campaign: the merge preflight (syntax with positions, unknown fields, recipients
 * lacking data) plus the message and setup checks a sender needs before pressing Send.
 */
public final class CampaignChecks {
    /** Gmail clips messages above about 102 KB. */
    static final long BIG_ATTACHMENT_BYTES = 10L * 1024 * 1024;

    private CampaignChecks() {}

    /**
     * @param knownAccounts names of the configured accounts
     * @param contacts      the store's lists (null: skip the checks that need the list)
     */
    public static List<CheckLine> check(CampaignDocument doc, ContactRepository contacts, Set<String> knownAccounts) {
        return check(doc, contacts, knownAccounts, true);
    }

    /**
     * Only the errors of {@link #check}: what refuses a send. The pass over every recipient is left out, because it
     * can only warn (missing values, headers that skip a recipient); on a large list it was most of the time between
     * pressing Send and the first message.
     */
    public static List<CheckLine> errors(CampaignDocument doc, ContactRepository contacts, Set<String> knownAccounts) {
        return check(doc, contacts, knownAccounts, false).stream().filter(l -> l.severity() == Severity.ERROR).toList();
    }

    private static List<CheckLine> check(CampaignDocument doc, ContactRepository contacts, Set<String> knownAccounts,
                                         boolean recipientWarnings) {
        List<CheckLine> out = new ArrayList<>();
        Campaign c = doc.campaign();
        checkAddresses(c, out);
        String text = null;
        String html = null;
        try {
            text = doc.textBody();
            html = doc.htmlBody();
        } catch (IOException e) {
            out.add(error("body", "cannot read the body file: " + e.getMessage(), CheckCode.BODY_UNREADABLE, null));
        }
        boolean hasText = text != null && !text.isBlank();
        boolean hasHtml = html != null && !html.isBlank();
        if (!hasText && !hasHtml) out.add(error("body", "the message has neither a text nor an HTML body", CheckCode.NO_BODY, null));
        if (c.subject() == null || c.subject().isBlank()) out.add(warning("Subject", "the subject is empty", CheckCode.SUBJECT_EMPTY, null));
        if (hasText || hasHtml) {
            // Size, images without alt text, missing text part, postal address, links (deliverability.checks).
            long size = (hasHtml ? html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length * 2L : 0)
                    + (hasText ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length : 0);
            // Broadside derives a text part from HTML-only campaigns, so check the text the recipients will get.
            String textPart = hasText ? text : org.broadside.mime.HtmlToText.convert(html);
            out.addAll(DomainCheckLines.of(MessageChecks.check(html, textPart, size), "message", null));
        }
        checkUnsubscribe(c, text, html, out);
        checkAttachments(doc, out);
        checkAccounts(c, knownAccounts, out);

        Map<String, TemplateSource> templates = new LinkedHashMap<>();
        templates.put("From", new TemplateSource(nz(c.from()), TemplateMode.HEADER));
        if (c.replyTo() != null) templates.put("Reply-To", new TemplateSource(c.replyTo(), TemplateMode.HEADER));
        templates.put("Subject", new TemplateSource(nz(c.subject()), TemplateMode.HEADER));
        if (hasText) templates.put("text", new TemplateSource(text, TemplateMode.TEXT));
        if (hasHtml) templates.put("HTML", new TemplateSource(html, TemplateMode.HTML));
        c.headers().forEach((k, v) -> templates.put("header " + k, new TemplateSource(v, TemplateMode.HEADER)));

        Optional<ContactList> list = Optional.empty();
        if (c.list() == null || c.list().isBlank()) {
            out.add(error("list", "no list is chosen", CheckCode.LIST_MISSING, null));
        } else if (contacts != null) {
            list = contacts.findList(c.list());
            if (list.isEmpty()) out.add(error("list", "there is no list named \"" + c.list() + "\"", CheckCode.LIST_UNKNOWN, c.list()));
        }
        Condition filter = null;
        if (c.filter() != null && !c.filter().isBlank()) {
            try {
                filter = ContactFilters.compile(c.filter());
            } catch (ComposeException e) {
                out.add(error("filter", e.getMessage(), CheckCode.FILTER_INVALID, c.filter()));
            }
        }
        if (filter != null && list.isPresent()) {
            List<String> unknown = filter.fieldsMissingFrom(list.get().fields());
            if (!unknown.isEmpty()) {
                String names = String.join(", ", unknown.stream().map(n -> "[" + n + "]").toList());
                out.add(warning("filter", "the filter reads " + names + ", which the list \"" + list.get().name()
                        + "\" does not have (empty for every contact)", CheckCode.FILTER_UNKNOWN_FIELD, names));
            }
        }
        Set<String> known = new LinkedHashSet<>();
        if (list.isPresent() && !recipientWarnings) {
            known.addAll(list.get().fields());
            Preflight.check(templates, known).issues().forEach(i -> out.add(of(i)));
        } else if (list.isPresent()) {
            known.addAll(list.get().fields());
            try (Stream<Contact> s = contacts.stream(list.get().id(), filter)) {
                Stream<FieldLookup> lookups = s.map(ContactFilters::lookup);
                PreflightReport report = Preflight.check(templates, known, lookups::iterator);
                report.issues().forEach(i -> out.add(of(i)));
            }
        } else {
            // Without a list, unknown fields cannot be told apart; report syntax only.
            PreflightReport report = Preflight.check(templates, Set.of());
            report.issues().stream().filter(i -> i.kind() != org.broadside.merge.PreflightIssue.Kind.UNKNOWN_FIELD).forEach(i -> out.add(of(i)));
        }
        return out;
    }

    public static boolean hasErrors(List<CheckLine> lines) {
        return lines.stream().anyMatch(l -> l.severity() == Severity.ERROR);
    }

    private static void checkAddresses(Campaign c, List<CheckLine> out) {
        if (c.from() == null || c.from().isBlank()) {
            out.add(error("From", "the From address is missing", CheckCode.FROM_MISSING, null));
        } else if (!c.from().contains("[")) {
            try {
                MailAddress.parse(c.from());
            } catch (IllegalArgumentException e) {
                out.add(error("From", "the From address is not valid: " + e.getMessage(), CheckCode.FROM_INVALID, c.from()));
            }
        }
        if (c.replyTo() != null && !c.replyTo().isBlank() && !c.replyTo().contains("[")) {
            try {
                MailAddress.parse(c.replyTo());
            } catch (IllegalArgumentException e) {
                out.add(error("Reply-To", "the Reply-To address is not valid: " + e.getMessage(), CheckCode.REPLY_TO_INVALID, c.replyTo()));
            }
        }
    }

    private static void checkUnsubscribe(Campaign c, String text, String html, List<CheckLine> out) {
        var u = c.unsubscribe();
        if ((c.tracksOpens() || c.tracksClicks()) && (u == null || !u.hasServer())) {
            out.add(error("tracking", "tracking goes through your Broadside server: set unsubscribe.server, or turn tracking off", CheckCode.TRACKING_WITHOUT_SERVER, null));
        }
        boolean method = u != null && (u.hasServer() || (u.url() != null && !u.url().isBlank()) || (u.mailto() != null && !u.mailto().isBlank()));
        if (u != null && u.noneChosen()) {
            out.add(warning("unsubscribe", "sending without an unsubscribe method, as you chose: bulk mail without one is refused by Gmail and Yahoo", CheckCode.UNSUBSCRIBE_NONE_CHOSEN, null));
            return;
        }
        if (!method) {
            out.add(error("unsubscribe", "no unsubscribe method: set unsubscribe.server (your Broadside server), unsubscribe.url (https, with [Token]) or unsubscribe.mailto, or set unsubscribe.none to send anyway", CheckCode.UNSUBSCRIBE_MISSING, null));
            return;
        }
        boolean link = contains(text, "[unsubscribe") || contains(html, "[unsubscribe");
        if (!link) out.add(warning("body", "no [Unsubscribe] link in the body; only the List-Unsubscribe header offers it", CheckCode.UNSUBSCRIBE_LINK_MISSING, null));
        if (u.hasServer()) {
            checkServer(u.serverBase(), out);
        } else if (u.url() != null && !u.url().isBlank() && !u.url().regionMatches(true, 0, "https://", 0, 8)) {
            out.add(warning("unsubscribe", "the unsubscribe URL is not https: one-click unsubscribe (RFC 8058) needs https", CheckCode.UNSUBSCRIBE_NOT_HTTPS, u.url()));
        }
    }

    /** The server's URL must be an absolute http(s) URL without query; only https gives one-click unsubscribe. */
    private static void checkServer(String server, List<CheckLine> out) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(server);
        } catch (IllegalArgumentException e) {
            out.add(error("unsubscribe", "unsubscribe.server is not a URL: " + e.getMessage(), CheckCode.UNSUBSCRIBE_SERVER_INVALID, server));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            out.add(error("unsubscribe", "unsubscribe.server must be the server's public URL, like https://news.example.com", CheckCode.UNSUBSCRIBE_SERVER_INVALID, server));
        } else if (!scheme.equals("https")) {
            out.add(warning("unsubscribe", "the unsubscribe server is not https: one-click unsubscribe (RFC 8058) needs https", CheckCode.UNSUBSCRIBE_SERVER_NOT_HTTPS, server));
        }
    }

    private static boolean contains(String s, String lowerNeedle) {
        return s != null && s.toLowerCase(java.util.Locale.ROOT).contains(lowerNeedle);
    }

    private static void checkAttachments(CampaignDocument doc, List<CheckLine> out) {
        for (String a : doc.campaign().attachments()) {
            Path p = doc.resolve(a);
            try {
                long size = Files.size(p);
                if (size > BIG_ATTACHMENT_BYTES) out.add(warning("attachments", p.getFileName() + " is over 10 MB; many servers refuse such messages", CheckCode.ATTACHMENT_TOO_BIG, p.getFileName().toString()));
            } catch (IOException e) {
                out.add(error("attachments", "the attachment " + p + " does not exist or cannot be read", CheckCode.ATTACHMENT_UNREADABLE, a));
            }
        }
    }

    private static void checkAccounts(Campaign c, Set<String> knownAccounts, List<CheckLine> out) {
        if (c.account().isEmpty()) {
            // An error, not a warning: nothing is sent without an account, and Send would only find out after the list.
            out.add(error("account", "no account is chosen: add one before sending", CheckCode.ACCOUNT_MISSING, null));
            return;
        }
        for (String a : c.account()) {
            if (knownAccounts.stream().noneMatch(k -> k.equalsIgnoreCase(a))) {
                out.add(error("account", "there is no account named \"" + a + "\": add it before sending", CheckCode.ACCOUNT_UNKNOWN, a));
            }
        }
    }

    private static CheckLine of(PreflightIssue i) {
        return new CheckLine(i.severity(), i.part(), i.line(), i.column(), i.message(), CheckCode.MERGE, null);
    }

    private static CheckLine error(String part, String message, CheckCode code, String about) {
        return new CheckLine(Severity.ERROR, part, 0, 0, message, code, about);
    }

    private static CheckLine warning(String part, String message, CheckCode code, String about) {
        return new CheckLine(Severity.WARNING, part, 0, 0, message, code, about);
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
