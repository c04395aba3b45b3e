package org.broadside.delivery;

/** The store could not record a delivery state: the run must stop, because an unrecorded state could be lost. */
public class DeliveryStoreException extends RuntimeException {
    public DeliveryStoreException(String message, Throwable cause) { super(message, cause); }
}
