package org.broadside.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.broadside.accounts.AccountAuth.LOGIN;
import static org.broadside.accounts.AccountAuth.NONE;
import static org.broadside.accounts.AccountAuth.PLAIN;
import static org.broadside.accounts.AccountSecurity.STARTTLS;

/**
 * Presets for common providers. Limits are the provider's published quotas where one exists (source in the
 * comment, as published in 2024-2025: check them again before relying on them) and our own conservative
 * pacing where none is published. A limit of 0 means "set by your plan": fill it in.
 */
public final class AccountPresets {
    /** The host of Amazon SES in a region; SES has one SMTP endpoint per region. */
    public static String sesHost(String region) { return "email-smtp." + region + ".amazonaws.com"; }

    /** Port of the app's built-in local test server. */
    public static final int SANDBOX_PORT = 2525;

    private static final List<AccountPreset> ALL = List.of(
            // support.google.com/a/answer/166852 (Gmail sending limits): 500 per rolling day for a consumer Gmail
            // account. Google publishes no hourly limit; 100/hour is ours, to avoid the burst blocks (421 4.7.28).
            new AccountPreset("gmail", "Gmail", "smtp.gmail.com", 587, STARTTLS, PLAIN, null,
                    1, 100, 20, 60_000, 100, 500,
                    "Use an app password (2-step verification required) or an OAuth access token with --auth xoauth2."),
            // Same page: 2,000 per rolling day per Google Workspace user (500 during a trial). Hourly cap ours.
            new AccountPreset("google-workspace", "Google Workspace", "smtp.gmail.com", 587, STARTTLS, PLAIN, null,
                    2, 100, 20, 60_000, 250, 2_000,
                    "Trial Workspace accounts may only send 500 a day; lower the daily maximum until the trial ends."),
            // learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits:
            // 10,000 recipients a day, 30 messages a minute (kept by the group of 30 per 60 s), 3 concurrent SMTP AUTH connections.
            new AccountPreset("microsoft365", "Microsoft 365", "smtp.office365.com", 587, STARTTLS, LOGIN, null,
                    3, 100, 30, 60_000, 0, 10_000,
                    "SMTP AUTH must be enabled for the mailbox; Microsoft is retiring basic authentication, so prefer --auth xoauth2."),
            // docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas.html: the sandbox allows 200 messages a day at
            // 1 per second (group of 1 per second). Production quotas are per account (often 50,000/day at 14/s): raise them then.
            new AccountPreset("ses", "Amazon SES", sesHost("us-east-1"), 587, STARTTLS, LOGIN, null,
                    1, 100, 1, 1_000, 0, 200,
                    "Use the SMTP credentials from the SES console (not your AWS keys) and the host of your region."),
            // docs.sendgrid.com/for-developers/sending-email/getting-started-smtp: user is literally "apikey", the
            // password an API key. Quotas depend on the plan (the free plan allows 100 a day).
            new AccountPreset("sendgrid", "SendGrid", "smtp.sendgrid.net", 587, STARTTLS, PLAIN, "apikey",
                    4, 100, 0, 0, 0, 100,
                    "The password is an API key with Mail Send permission; raise the daily maximum to your plan's."),
            // documentation.mailgun.com (SMTP): smtp.mailgun.org, or smtp.eu.mailgun.org for EU domains. Quotas per plan;
            // new and free accounts are limited to 100 a day.
            new AccountPreset("mailgun", "Mailgun", "smtp.mailgun.org", 587, STARTTLS, PLAIN, null,
                    2, 100, 0, 0, 0, 100,
                    "The user is the SMTP login of your sending domain (postmaster@your-domain); EU domains use smtp.eu.mailgun.org."),
            // No common source: ISPs typically allow a few hundred messages an hour per customer. Conservative on purpose.
            new AccountPreset("isp", "Generic ISP", null, 587, STARTTLS, PLAIN, null,
                    1, 50, 50, 60_000, 100, 500,
                    "Give your provider's SMTP host with --host; ask them for their hourly and daily limits."),
            // The app's own local server for trying a campaign: plain, no login, no limits.
            new AccountPreset("sandbox", "Sandbox (local test server)", "127.0.0.1", SANDBOX_PORT, AccountSecurity.NONE, NONE, null,
                    4, 0, 0, 0, 0, 0,
                    "Messages stay on this computer; nothing is delivered."));

    private AccountPresets() {}

    public static List<AccountPreset> all() { return ALL; }

    /** The preset with this id ("gmail", "microsoft365", ...), ignoring case. */
    public static Optional<AccountPreset> find(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.id().equals(wanted)).findFirst();
    }

    /** The ids, for help texts and error messages. */
    public static List<String> ids() { return ALL.stream().map(AccountPreset::id).toList(); }
}
