package org.broadside.contacts.imports;

/** A workbook or vCard file that its reader gave up on: cut short, corrupted, or of another format. */
public final class DamagedFileException extends ImportException {
    public DamagedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
