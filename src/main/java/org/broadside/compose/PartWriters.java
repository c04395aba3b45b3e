package org.broadside.compose;

import org.broadside.merge.FieldLookup;
import org.broadside.merge.SpanSink;
import org.broadside.merge.Template;
import org.broadside.mime.EncodedPart;
import org.broadside.mime.LiteralQp;
import org.broadside.mime.MimeTemplate;

/**
 * Renders a campaign's text and HTML templates straight into encoded MIME parts, the literal text's
 * quoted-printable computed once per campaign (issue 17). Thread-safe: each sending thread has its own writers.
 */
final class PartWriters {
    private final ThreadLocal<Sink> text;
    private final ThreadLocal<Sink> html;

    private PartWriters(LiteralQp textQp, LiteralQp htmlQp) {
        this.text = textQp == null ? null : ThreadLocal.withInitial(() -> new Sink(textQp.writer()));
        this.html = htmlQp == null ? null : ThreadLocal.withInitial(() -> new Sink(htmlQp.writer()));
    }

    /** Null when the campaign's parts must be encoded whole (a charset that cannot be split, text made per recipient). */
    static PartWriters of(CompiledCampaign compiled, MimeTemplate mime) {
        LiteralQp textQp = null;
        LiteralQp htmlQp = null;
        if (compiled.text() != null) {
            textQp = mime.literalQp(compiled.text().literals());
            if (textQp == null) {
                return null;
            }
        }
        if (compiled.html() != null) {
            htmlQp = mime.literalQp(compiled.html().literals());
            if (htmlQp == null) {
                return null;
            }
        }
        return new PartWriters(textQp, htmlQp);
    }

    /** The text part of this recipient, or null when the campaign has none. */
    EncodedPart text(Template template, FieldLookup fields) {
        return template == null ? null : text.get().render(template, fields);
    }

    /** The HTML part of this recipient, or null when the campaign has none. */
    EncodedPart html(Template template, FieldLookup fields) {
        return template == null ? null : html.get().render(template, fields);
    }

    private static final class Sink implements SpanSink {
        private final LiteralQp.Writer writer;

        Sink(LiteralQp.Writer writer) {
            this.writer = writer;
        }

        EncodedPart render(Template template, FieldLookup fields) {
            try {
                template.renderSpans(fields, this);
            } catch (RuntimeException e) {
                writer.finish(); // leave the writer empty for the next recipient
                throw e;
            }
            return writer.finish();
        }

        @Override
        public void literal(String text) {
            writer.literal(text);
        }

        @Override
        public StringBuilder merged() {
            return writer.merged();
        }
    }
}
