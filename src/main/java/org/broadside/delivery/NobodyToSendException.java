package org.broadside.delivery;

/**
 * A first send refused because the list and filter select nobody. Freezing such a campaign would fix its recipients
 * at none: the run would "finish" having sent nothing, and once the filter was put right every later Send would find
 * nothing due. The freeze is rolled back instead, so the campaign stays unfrozen and takes the list as it is next time.
 */
public final class NobodyToSendException extends RuntimeException {
    public NobodyToSendException() {
        super("the list and filter select nobody");
    }
}
