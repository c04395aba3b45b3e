package org.broadside.merge;

/** Field values of one recipient, looked up by a name already normalized with {@link FieldNames#normalize}. */
@FunctionalInterface
public interface FieldLookup {
    /** Returns the value, or null when the recipient has no such field. */
    String value(String normalizedName);
}
