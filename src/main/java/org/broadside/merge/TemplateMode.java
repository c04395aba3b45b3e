package org.broadside.merge;

/** Where a template's output goes; decides how merged values are written (raw, HTML-escaped, header-checked). */
public enum TemplateMode {
    /** Plain-text body: values go in as they are. */
    TEXT,
    /** HTML body: values and fallbacks are HTML-escaped; tags may arrive HTML-escaped. */
    HTML,
    /** A header line (subject, from...): a value with a line break or control character is refused. */
    HEADER
}
