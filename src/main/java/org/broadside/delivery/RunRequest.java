package org.broadside.delivery;

import org.broadside.campaign.DeliveryOptions;

import java.time.Clock;
import java.util.List;

/**
 * Everything one run of a campaign needs.
 *
 * @param waitForRetries stay until no DEFERRED recipient is left (CLI --wait, GUI Send)
 * @param resendUnknown  also send to UNKNOWN recipients (same Message-ID), because the user asked
 */
public record RunRequest(CampaignRecord campaign, MessageComposer composer, List<AccountLane> accounts,
                         DeliveryOptions options, boolean waitForRetries, boolean resendUnknown,
                         DeliveryListener listener, Clock clock) {
    public RunRequest {
        accounts = List.copyOf(accounts);
        if (accounts.isEmpty()) throw new IllegalArgumentException("a run needs at least one account");
        listener = listener == null ? DeliveryListener.NONE : listener;
        clock = clock == null ? Clock.systemUTC() : clock;
        options = options == null ? DeliveryOptions.defaults() : options;
    }
}
