package org.broadside.contacts;

/** A list filter that cannot be understood; the message says where and why in one sentence. */
public class FilterSyntaxException extends IllegalArgumentException {
    public FilterSyntaxException(String message) { super(message); }
}
