/**
 * "Send a test": the campaign merged for a few chosen recipients and sent to the user's own addresses through the
 * campaign's account, outside the campaign's run. Nothing here touches the campaign's recipient states: a test is
 * not a delivery and counts toward nothing (no receipts stored, no bounce attribution, no blacklisting).
 */
package org.broadside.compose.testsend;
