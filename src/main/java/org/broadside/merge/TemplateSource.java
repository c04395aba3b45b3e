package org.broadside.merge;

/** The source text of one message part and how it will be used. */
public record TemplateSource(String source, TemplateMode mode) {}
