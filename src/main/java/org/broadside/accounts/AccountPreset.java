package org.broadside.accounts;

/**
 * Settings of a known provider: server, security, mechanism and limits that keep a campaign under the provider's
 * quotas. {@code host} is null when the user must supply it (a generic ISP).
 *
 * @param username a fixed user name the provider expects (SendGrid's "apikey"), or null
 * @param note     what the user still has to do or check, shown next to the preset
 */
public record AccountPreset(String id, String label, String host, int port, AccountSecurity security, AccountAuth auth,
                            String username, int connections, int messagesPerConnection, int groupSize,
                            long groupIntervalMillis, int maxPerHour, int maxPerDay, String note) {

    /** A builder for an account with this preset's settings; name, user and (for some presets) host still to fill in. */
    public Account.Builder builder(String accountName) {
        return Account.builder(accountName).host(host).port(port).security(security).auth(auth).username(username)
                .connections(connections).messagesPerConnection(messagesPerConnection)
                .group(groupSize, groupIntervalMillis).maxPerHour(maxPerHour).maxPerDay(maxPerDay);
    }
}
