package org.broadside.ui.delivery;

import org.broadside.campaign.CampaignDocument;
import org.broadside.delivery.DeliveryListener;
import org.broadside.delivery.RunHandle;

/** How the Delivery panel starts a campaign: the app plugs in the compose layer, tests a fake. */
@FunctionalInterface
public interface CampaignRunner {
    /** Freezes the list on first start and runs the engine; throws with a user sentence when it cannot start. */
    RunHandle start(CampaignDocument doc, boolean waitForRetries, boolean resendUnknown, DeliveryListener listener) throws Exception;

    /** Like start, but sends even when the pre-send check found errors: the user saw them and chose to go on. */
    default RunHandle startOverridingChecks(CampaignDocument doc, boolean waitForRetries, boolean resendUnknown, DeliveryListener listener)
            throws Exception {
        return start(doc, waitForRetries, resendUnknown, listener);
    }
}
