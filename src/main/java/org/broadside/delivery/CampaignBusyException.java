package org.broadside.delivery;

/** A run refused because another process is sending the same campaign right now (see {@link SendingRuns}). */
public final class CampaignBusyException extends RuntimeException {
    private final SendingRuns.Sender sender;

    public CampaignBusyException(String campaignName, SendingRuns.Sender sender) {
        super("\"" + campaignName + "\" is being sent by " + sender.describe() + ". Wait for that run to end, or stop it"
                + " from its Delivery tab; starting it twice would send the same recipients twice.");
        this.sender = sender;
    }

    public SendingRuns.Sender sender() { return sender; }
}
