package org.broadside.delivery.smtp;

/** Reads a TLS failure by the types in its cause chain, which stay put when the JDK rewords its messages. */
final class TlsFailures {
    private TlsFailures() {}

    /** True when t or one of its causes is of the given type. */
    static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
