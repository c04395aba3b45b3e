package org.broadside.contacts.imports;

/**
 * Choices for one import.
 *
 * @param removeMissing delete the list's contacts whose address the source no longer has (refresh of a saved source)
 * @param skipBlacklisted leave blacklisted addresses out of the list (they would be skipped at send time anyway)
 * @param limits the most columns and the longest value the import takes
 */
public record ImportOptions(boolean removeMissing, boolean skipBlacklisted, ImportLimits limits) {
    public ImportOptions {
        if (limits == null) limits = ImportLimits.DEFAULTS;
    }

    /** With the default limits, which real lists stay well within. */
    public ImportOptions(boolean removeMissing, boolean skipBlacklisted) {
        this(removeMissing, skipBlacklisted, ImportLimits.DEFAULTS);
    }

    public static ImportOptions defaults() { return new ImportOptions(false, true); }

    public ImportOptions withLimits(ImportLimits newLimits) {
        return new ImportOptions(removeMissing, skipBlacklisted, newLimits);
    }
}
