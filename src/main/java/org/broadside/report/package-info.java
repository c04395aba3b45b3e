/**
 * The delivery report of a campaign: {@link org.broadside.report.DeliverySummary} aggregated in SQL from the store by
 * {@link org.broadside.report.DeliverySummaryRepository} (totals, duration and rate, per account, per recipient
 * domain, reply codes with their explanation, receipts over time), and the one-page HTML summary
 * ({@link org.broadside.report.SummaryHtml}) the desktop app and {@code broadside report --html} write. No JavaFX.
 */
package org.broadside.report;
