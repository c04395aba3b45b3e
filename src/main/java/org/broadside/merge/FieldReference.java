package org.broadside.merge;

/** One place where a template uses a field, so preflight can point at it. */
public record FieldReference(String name, int line, int column) {}
