package org.broadside.merge;

/** One finding of the preflight, located in a message part (line and column are 1-based, 0 when not tied to a place). */
public record PreflightIssue(Severity severity, String part, int line, int column, String message) {}
