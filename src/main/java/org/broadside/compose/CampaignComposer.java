package org.broadside.compose;

import org.broadside.campaign.CampaignDocument;
import org.broadside.contacts.FieldsJson;
import org.broadside.bounces.VerpAddresses;
import org.broadside.deliverability.dkim.DkimSigner;
import org.broadside.delivery.ComposedMessage;
import org.broadside.delivery.MessageComposer;
import org.broadside.delivery.OutgoingMessage;
import org.broadside.delivery.RecipientRow;
import org.broadside.merge.Template;
import org.broadside.merge.UnsafeHeaderValueException;
import org.broadside.mime.EncodedPart;
import org.broadside.mime.Header;
import org.broadside.mime.MailAddress;
import org.broadside.mime.MessageIds;
import org.broadside.mime.MimeTemplate;
import org.broadside.mime.RenderedMessage;
import org.broadside.mime.SmtpUtf8RequiredException;
import org.broadside.unsubscribe.RecipientTokens;
import org.broadside.unsubscribe.ServerSecret;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a campaign and one recipient into the personalised message: merge (templates compiled once), then
 * MIME (structure prepared once). Used by the engine just in time, by preview and by the CLI.
 */
public final class CampaignComposer implements MessageComposer {
    private final CampaignDocument doc;
    private final CompiledCampaign compiled;
    private final MimeTemplate mime;
    private final BuiltIns builtIns;
    private final Clock clock;
    private final DkimSigner signer;
    private final long verpCampaignId;
    /** The parts' literal text encoded once (null: this campaign's parts are encoded whole per recipient). */
    private final PartWriters partWriters;
    /** From parsed once when it has no merge fields (null: merged per recipient, or it does not parse). */
    private final MailAddress constantFrom;
    /** Open pixel and click links, for a campaign that asks for tracking through its server; else null. */
    private final TrackedHtml tracked;

    private CampaignComposer(CampaignDocument doc, CompiledCampaign compiled, MimeTemplate mime, BuiltIns builtIns, Clock clock,
                             DkimSigner signer, long verpCampaignId) {
        // A tracked campaign's HTML differs per recipient in its links: it is rendered whole, never from pre-encoded literals.
        this(doc, compiled, mime, builtIns, clock, signer, verpCampaignId, tracking(doc, builtIns) != null ? null : PartWriters.of(compiled, mime));
    }

    private static TrackedHtml tracking(CampaignDocument doc, BuiltIns builtIns) {
        var c = doc.campaign();
        if (builtIns.serverTokens() == null || !(c.tracksOpens() || c.tracksClicks())) return null;
        return new TrackedHtml(builtIns.serverTokens(), builtIns.serverBase(), c.tracksOpens(), c.tracksClicks());
    }

    private CampaignComposer(CampaignDocument doc, CompiledCampaign compiled, MimeTemplate mime, BuiltIns builtIns, Clock clock,
                             DkimSigner signer, long verpCampaignId, PartWriters partWriters) {
        this.partWriters = partWriters;
        this.tracked = tracking(doc, builtIns);
        this.constantFrom = constantAddress(compiled.from());
        this.doc = doc;
        this.compiled = compiled;
        this.mime = mime;
        this.builtIns = builtIns;
        this.clock = clock;
        this.signer = signer;
        this.verpCampaignId = verpCampaignId;
    }

    /** The same composer, signing every message with this DKIM key (null: no signing). */
    public CampaignComposer withSigner(DkimSigner dkim) {
        return new CampaignComposer(doc, compiled, mime, builtIns, clock, dkim, verpCampaignId, partWriters);
    }

    /** The same composer, with VERP envelope senders for this stored campaign (when the campaign asks for VERP). */
    public CampaignComposer withCampaignId(long campaignId) {
        return new CampaignComposer(doc, compiled, mime, builtIns, clock, signer, campaignId, partWriters);
    }

    /**
     * @param tokenKey the installation's key for unsubscribe tokens (UnsubscribeTokens.loadOrCreateKey)
     */
    public static CampaignComposer prepare(CampaignDocument doc, byte[] tokenKey, Clock clock) throws ComposeException {
        return prepare(doc, tokenKey, null, clock);
    }

    /**
     * @param tokenKey     the installation's key for unsubscribe tokens (UnsubscribeTokens.loadOrCreateKey)
     * @param serverSecret the secret of the Broadside server the campaign names in unsubscribe.server (null: none)
     */
    public static CampaignComposer prepare(CampaignDocument doc, byte[] tokenKey, ServerSecret serverSecret, Clock clock) throws ComposeException {
        var unsubscribe = doc.campaign().unsubscribe();
        if (unsubscribe != null && unsubscribe.hasServer() && serverSecret == null)
            throw new ComposeException("The campaign's unsubscribe server " + unsubscribe.serverBase() + " has no key here: run \"broadside unsubscribes pull --from "
                    + unsubscribe.serverBase() + " --save-key\" with the key \"broadside serve --init\" showed, or use the server's data directory.");
        CompiledCampaign compiled = CompiledCampaign.of(doc);
        MimeTemplate mime;
        try {
            mime = MimeTemplate.prepare(compiled.layout());
        } catch (IOException e) {
            throw new ComposeException("Cannot read an attachment or image: " + e.getMessage(), e);
        }
        BuiltIns builtIns = BuiltIns.today(doc.displayName(), doc.campaign().unsubscribe(), new UnsubscribeTokens(tokenKey, doc.uid()),
                serverSecret == null ? null : new RecipientTokens(serverSecret), doc.uid());
        return new CampaignComposer(doc, compiled, mime, builtIns, clock == null ? Clock.systemUTC() : clock, null, 0);
    }

    @Override
    public ComposedMessage compose(RecipientRow recipient) {
        Merged m;
        try {
            m = merge(recipient.seq(), recipient.email(), FieldsJson.read(recipient.fieldsJson()), partWriters != null);
        } catch (SkipException e) {
            return ComposedMessage.skip(e.getMessage());
        }
        RenderedMessage rendered = m.rendered();
        String mailFrom = envelopeSender(rendered, recipient.seq());
        // MimeTemplate writes CRLF lines only and quoted-printable encodes a leading "." (ComposedBodiesAreWireReadyTest).
        EncodedPart textPart = m.textPart();
        EncodedPart htmlPart = m.htmlPart();
        OutgoingMessage.Body body = OutgoingMessage.Body.wireReady(partWriters != null
                ? stream -> mime.writeTo(rendered, textPart, htmlPart, stream)
                : stream -> mime.writeTo(rendered, stream));
        OutgoingMessage out = new OutgoingMessage(recipient.id(), mailFrom, rendered.to().headerAddress(), rendered.messageId(),
                signer == null ? body : signer.signing(body), rendered.requiresSmtpUtf8());
        return new ComposedMessage(out, null);
    }

    /** The merged message of a recipient who is not (yet) in a frozen campaign, for the Preview tab and the CLI. */
    public Preview preview(long seq, String email, Map<String, String> fields) {
        try {
            Merged m = merge(seq, email, fields, false);
            // The source shown is the one the engine sends: with literal text encoded once per campaign its soft line
            // breaks can sit elsewhere than in a whole-part encoding, and a preview promises the bytes on the wire.
            Merged wire = partWriters == null ? null : merge(seq, email, fields, true);
            byte[] raw = wire == null ? mime.toBytes(m.rendered()) : mime.toBytes(wire.rendered(), wire.textPart(), wire.htmlPart());
            return new Preview(m.rendered().subject(), m.text(), m.html(), signer == null ? raw : signer.sign(raw), m.rendered().messageId(), null);
        } catch (SkipException e) {
            return new Preview(null, null, null, null, null, e.getMessage());
        }
    }

    public CampaignDocument document() { return doc; }

    /** True when compose encodes the parts' literal text once per campaign (for tests). */
    boolean encodesLiteralsOnce() { return partWriters != null; }

    /**
     * The message a recipient would get, addressed to {@code testAddress} instead (To and envelope), its subject led by
     * {@code subjectPrefix} (may be empty), under a Message-ID of its own so receivers never take two tests for one.
     * Merge, MIME, List-Unsubscribe (the merged recipient's token) and DKIM are those of the real send.
     *
     * @throws ComposeException when this recipient's message cannot be built (the reason a real send would skip it)
     */
    public TestMessage composeTest(long seq, String email, Map<String, String> fields, String testAddress, String subjectPrefix)
            throws ComposeException {
        Merged m;
        try {
            m = merge(seq, email, fields, false);
        } catch (SkipException e) {
            throw new ComposeException(e.getMessage(), e);
        }
        RenderedMessage r = m.rendered();
        String subject = subjectPrefix == null || subjectPrefix.isEmpty() ? r.subject() : subjectPrefix + r.subject();
        RenderedMessage test;
        try {
            MailAddress to = MailAddress.parse(testAddress);
            test = new RenderedMessage(r.from(), r.replyTo(), to, subject, r.text(), r.html(), r.extraHeaders(),
                    MessageIds.forRecipient(doc.uid(), "test " + java.util.UUID.randomUUID(), r.from().domain()),
                    r.date(), r.allowSmtpUtf8() || to.hasNonAsciiLocalPart());
        } catch (IllegalArgumentException e) {
            throw new ComposeException("the test message to " + testAddress + " cannot be built: " + e.getMessage(), e);
        }
        RenderedMessage rendered = test;
        // The real send's envelope sender, without VERP: a bounce of a test must not count against the recipient.
        String returnPath = doc.campaign().delivery().returnPath();
        String mailFrom = MailAddress.withAsciiDomain(returnPath != null && !returnPath.isBlank() ? returnPath.strip() : r.from().address());
        OutgoingMessage.Body body = OutgoingMessage.Body.wireReady(stream -> mime.writeTo(rendered, stream));
        OutgoingMessage out = new OutgoingMessage(0, mailFrom, rendered.to().headerAddress(), rendered.messageId(),
                signer == null ? body : signer.signing(body), rendered.requiresSmtpUtf8());
        return new TestMessage(out, subject);
    }

    /** A test message ready for the wire, with the subject it carries (for the test's receipt list). */
    public record TestMessage(OutgoingMessage message, String subject) {}


    /** text and html as strings, or (encoded) as parts with the rendered message's text and html null. */
    private record Merged(RenderedMessage rendered, String text, String html, EncodedPart textPart, EncodedPart htmlPart) {}

    /** A recipient that must be SKIPPED; the message is the reason. */
    private static final class SkipException extends Exception {
        SkipException(String reason) { super(reason); }
    }

    /** @param encoded render the text and HTML straight into encoded parts (only when {@link #partWriters} exists) */
    private Merged merge(long seq, String email, Map<String, String> fields, boolean encoded) throws SkipException {
        String unsubscribeUrl = builtIns.unsubscribeUrl(email, fields);
        RecipientFields lookup = RecipientFields.of(email, fields, builtIns, unsubscribeUrl);
        try {
            MailAddress from = constantFrom != null ? constantFrom : MailAddress.parse(compiled.from().render(lookup));
            MailAddress replyTo = compiled.replyTo() == null ? null : MailAddress.parse(compiled.replyTo().render(lookup));
            MailAddress to = MailAddress.parse(email);
            String subject = compiled.subject().render(lookup);
            String text = null;
            String html = null;
            EncodedPart textPart = null;
            EncodedPart htmlPart = null;
            if (encoded) {
                textPart = partWriters.text(compiled.text(), lookup);
                htmlPart = partWriters.html(compiled.html(), lookup);
            } else {
                text = compiled.text() == null ? null : compiled.text().render(lookup);
                html = compiled.html() == null ? null : compiled.html().render(lookup);
                if (tracked != null) html = tracked.apply(html, builtIns.recipient(email, fields));
            }
            List<Header> headers = new ArrayList<>();
            for (Map.Entry<String, Template> h : compiled.headers().entrySet()) headers.add(new Header(h.getKey(), h.getValue().render(lookup)));
            String listUnsubscribe = builtIns.listUnsubscribeHeader(unsubscribeUrl);
            if (listUnsubscribe != null) {
                headers.add(new Header("List-Unsubscribe", listUnsubscribe));
                if (builtIns.oneClick()) headers.add(new Header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
            }
            String messageId = MessageIds.forRecipient(doc.uid(), Long.toString(seq), from.domain());
            RenderedMessage rendered = new RenderedMessage(from, replyTo, to, subject, text, html, headers, messageId, clock.instant());
            if (rendered.requiresSmtpUtf8()) rendered = rendered.withSmtpUtf8();
            return new Merged(rendered, text, html, textPart, htmlPart);
        } catch (UnsafeHeaderValueException e) {
            throw new SkipException(e.getMessage() + ", which a header cannot carry");
        } catch (SmtpUtf8RequiredException e) {
            throw new SkipException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new SkipException("the message cannot be built: " + e.getMessage());
        }
    }

    /** The address a template without fields always gives; null when it has fields or does not parse (then every recipient is skipped with the reason). */
    private static MailAddress constantAddress(Template template) {
        if (!template.isConstant()) {
            return null;
        }
        try {
            return MailAddress.parse(template.render(null));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String envelopeSender(RenderedMessage rendered, long seq) {
        String returnPath = doc.campaign().delivery().returnPath();
        String sender = MailAddress.withAsciiDomain(returnPath != null && !returnPath.isBlank() ? returnPath.strip() : rendered.from().address());
        if (!doc.campaign().delivery().verpEnabled() || verpCampaignId <= 0) return sender;
        int at = sender.lastIndexOf('@');
        String local = returnPath != null && !returnPath.isBlank() ? sender.substring(0, at) : "bounces";
        return VerpAddresses.encode(local, sender.substring(at + 1), verpCampaignId, seq);
    }
}
