package org.broadside.deliverability.checks;

/** A macro string that RFC 7208 section 7 does not allow; receivers give a permanent error for it. */
final class SpfMacroException extends Exception {
    private static final long serialVersionUID = 1L;

    SpfMacroException(String message) {
        super(message);
    }
}
