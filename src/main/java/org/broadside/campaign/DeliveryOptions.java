package org.broadside.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Campaign-level options the delivery engine reads. Per-account limits (connections, pacing, quotas) belong
 * to the account; these say how this campaign retries and when it should stop itself.
 *
 * @param retryAfterSeconds  wait before the first retry of a deferred recipient; doubles each attempt
 * @param maxAttempts        attempts before a deferred recipient becomes FAILED
 * @param giveUpAfterHours   age after which a deferred recipient becomes FAILED
 * @param errorBudgetPercent pause the campaign when more than this share of the recent attempts failed or was deferred
 * @param errorBudgetWindow  how many recent attempts the error budget looks at
 * @param weights            relative share of recipients per account when rotating (default 1 each)
 * @param returnPath         envelope sender (MAIL FROM) when it should differ from From
 * @param requireFields      fields that every recipient must have; those without are SKIPPED
 * @param verp               envelope sender bounces+TOKEN@domain (VERP), so every bounce maps back to its recipient
 * @param durability         "power-safe" (default): every recorded state is synced to disk before the next step, so
 *                           even a power cut loses nothing; "crash-safe": states survive a crash or kill of Broadside
 *                           but the disk is synced in groups, which is much faster on disks with slow flushes
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DeliveryOptions(
        Integer retryAfterSeconds,
        Integer maxAttempts,
        Integer giveUpAfterHours,
        Integer errorBudgetPercent,
        Integer errorBudgetWindow,
        Map<String, Integer> weights,
        String returnPath,
        java.util.List<String> requireFields,
        String durability,
        Boolean verp) {

    public DeliveryOptions {
        weights = weights == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        requireFields = requireFields == null ? java.util.List.of() : java.util.List.copyOf(requireFields);
    }

    public static DeliveryOptions defaults() {
        return new DeliveryOptions(null, null, null, null, null, null, null, null, null, null);
    }

    public int retryAfterSecondsOrDefault() { return retryAfterSeconds == null ? 60 : retryAfterSeconds; }
    public int maxAttemptsOrDefault() { return maxAttempts == null ? 5 : maxAttempts; }
    public int giveUpAfterHoursOrDefault() { return giveUpAfterHours == null ? 72 : giveUpAfterHours; }
    public int errorBudgetPercentOrDefault() { return errorBudgetPercent == null ? 50 : errorBudgetPercent; }
    public int errorBudgetWindowOrDefault() { return errorBudgetWindow == null ? 200 : errorBudgetWindow; }
    public boolean verpEnabled() { return Boolean.TRUE.equals(verp); }

    /** True unless the user chose "crash-safe" durability. */
    public boolean powerSafe() { return durability == null || !durability.strip().equalsIgnoreCase("crash-safe"); }

    /** A problem with the durability value, or null when it is valid. */
    public String durabilityProblem() {
        if (durability == null) return null;
        String d = durability.strip().toLowerCase(java.util.Locale.ROOT);
        return d.equals("power-safe") || d.equals("crash-safe") ? null
                : "delivery.durability must be \"power-safe\" or \"crash-safe\", not \"" + durability + "\"";
    }

    public int weightOf(String account) { return Math.max(1, weights.getOrDefault(account, 1)); }
}
