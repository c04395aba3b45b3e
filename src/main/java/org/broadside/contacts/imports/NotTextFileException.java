package org.broadside.contacts.imports;

/** A file given as text (CSV, TSV, vCard, pasted addresses) whose first bytes show it is something else. */
public final class NotTextFileException extends ImportException {
    private final FileContent.Kind kind;

    public NotTextFileException(String fileName, FileContent.Kind kind) {
        super("The file " + SafeText.of(fileName, 120) + " is not a text file (it looks like " + kind.description()
                + (kind.advice().isEmpty() ? "" : ": " + kind.advice()) + ").");
        this.kind = kind;
    }

    /** What the file looks like instead. */
    public FileContent.Kind kind() { return kind; }
}
