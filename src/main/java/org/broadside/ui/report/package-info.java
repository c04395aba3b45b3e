/** The Report window: a campaign's delivery report with charts, live while it sends, exportable as CSV and HTML. */
package org.broadside.ui.report;
