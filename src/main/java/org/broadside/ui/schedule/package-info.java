/** Scheduled delivery in the app: the Schedule dialog of a campaign and the list of scheduled campaigns. */
package org.broadside.ui.schedule;
