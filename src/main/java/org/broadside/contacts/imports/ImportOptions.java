package org.broadside.contacts.imports;

/**
 * Choices for one import.
 *
 * @param removeMissing delete the list's contacts whose address the source no longer has (refresh of a saved source)
 * @param skipBlacklisted leave blacklisted addresses out of the list (they would be skipped at send time anyway)
 */
public record ImportOptions(boolean removeMissing, boolean skipBlacklisted) {
    public static ImportOptions defaults() { return new ImportOptions(false, true); }
}
