package org.broadside.campaign;

/** A campaign document that cannot be read, with the key and position that are wrong. */
public class CampaignFormatException extends Exception {
    public CampaignFormatException(String message) { super(message); }
    public CampaignFormatException(String message, Throwable cause) { super(message, cause); }
}
