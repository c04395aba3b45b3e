package org.broadside.contacts.imports;

/**
 * Bounds that keep one import from turning a wrong or hostile file into a list nobody can use.
 *
 * @param maxColumns    most columns one import may turn into fields of the list (the address column included)
 * @param maxFieldChars most characters one value may have; a row with a longer value is left out and reported
 */
public record ImportLimits(int maxColumns, int maxFieldChars) {
    /**
     * 500 columns: the widest real exports we know (CRM dumps with every custom field) stay under 300, and a list of
     * 500 fields is already past what a person maps by hand. 65,536 characters: twice Excel's own cell limit
     * (32,767), so nothing a spreadsheet can hold is refused, while a 5 MB photo or pasted document in a name is.
     */
    public static final ImportLimits DEFAULTS = new ImportLimits(500, 65_536);

    public ImportLimits {
        if (maxColumns < 1) throw new IllegalArgumentException("the maximum number of columns must be at least 1");
        if (maxFieldChars < 1) throw new IllegalArgumentException("the maximum field size must be at least 1 character");
    }
}
