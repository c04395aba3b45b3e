package org.broadside.compose;

import org.broadside.campaign.CampaignDocument;
import org.broadside.merge.Template;
import org.broadside.merge.TemplateMode;
import org.broadside.merge.TemplateSyntaxException;
import org.broadside.mime.Attachment;
import org.broadside.mime.InlineImage;
import org.broadside.mime.InlineImages;
import org.broadside.mime.MessageLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The campaign's templates parsed once, its inline images found and its MIME layout fixed. */
record CompiledCampaign(Template from, Template replyTo, Template subject, Template text, Template html,
                        Map<String, Template> headers, MessageLayout layout) {

    static CompiledCampaign of(CampaignDocument doc) throws ComposeException {
        var c = doc.campaign();
        if (c.from() == null || c.from().isBlank()) throw new ComposeException("The campaign has no From address.");
        String text;
        String html;
        try {
            text = doc.textBody();
            html = doc.htmlBody();
        } catch (IOException e) {
            throw new ComposeException("Cannot read the message body file: " + e.getMessage(), e);
        }
        boolean hasText = text != null && !text.isBlank();
        boolean hasHtml = html != null && !html.isBlank();
        if (!hasText && !hasHtml) throw new ComposeException("The campaign has neither a text nor an HTML body.");
        List<InlineImage> inline = List.of();
        if (hasHtml) {
            try {
                InlineImages.Extracted ex = InlineImages.extract(html, doc.folder());
                html = ex.html();
                inline = ex.images();
            } catch (NoSuchFileException e) {
                throw new ComposeException("An image the HTML refers to does not exist: " + e.getFile(), e);
            } catch (RuntimeException e) {
                throw new ComposeException("An inline image cannot be used: " + e.getMessage(), e);
            }
        }
        List<Attachment> attachments = new ArrayList<>();
        for (String a : c.attachments()) {
            Path p = doc.resolve(a);
            if (!Files.isRegularFile(p)) throw new ComposeException("The attachment " + p + " does not exist.");
            attachments.add(Attachment.of(p));
        }
        Template textTemplate = hasText ? compile("text", text, TemplateMode.TEXT) : null;
        boolean generateText = false;
        if (!hasText) {
            // Converting the HTML template to text once, instead of every merged HTML per recipient, saves most of
            // the per-message cost; when the conversion does not give a valid template, convert per recipient.
            textTemplate = textTemplateFromHtml(html);
            generateText = textTemplate == null;
        }
        Map<String, Template> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : c.headers().entrySet()) headers.put(h.getKey(), compile("header " + h.getKey(), h.getValue(), TemplateMode.HEADER));
        MessageLayout layout = new MessageLayout(true, hasHtml, generateText, attachments, inline, null, doc.uid());
        return new CompiledCampaign(
                compile("From", c.from(), TemplateMode.HEADER),
                c.replyTo() == null || c.replyTo().isBlank() ? null : compile("Reply-To", c.replyTo(), TemplateMode.HEADER),
                compile("Subject", c.subject() == null ? "" : c.subject(), TemplateMode.HEADER),
                textTemplate,
                hasHtml ? compile("HTML", html, TemplateMode.HTML) : null,
                headers, layout);
    }

    private static final java.util.regex.Pattern MERGE_TAG =
            java.util.regex.Pattern.compile("<(/IF|ELSEIF|ELSE|IF|AND|OR)(?![A-Za-z])([^>]*)>", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The plain text version of an HTML template, merge fields and conditions kept; null when that fails. */
    static Template textTemplateFromHtml(String html) {
        // Raw merge tags look like HTML tags and would be dropped by the converter: escape them so they survive as text.
        String escaped = MERGE_TAG.matcher(html).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                "&lt;" + m.group(1) + m.group(2) + "&gt;"));
        try {
            return Template.compile(org.broadside.mime.HtmlToText.convert(escaped), TemplateMode.TEXT);
        } catch (TemplateSyntaxException e) {
            return null;
        }
    }

    private static Template compile(String part, String source, TemplateMode mode) throws ComposeException {
        try {
            return Template.compile(source, mode);
        } catch (TemplateSyntaxException e) {
            throw new ComposeException("The " + part + " has a merge error at " + e.getMessage(), e);
        }
    }
}
