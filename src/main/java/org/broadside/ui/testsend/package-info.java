/** Campaign > Send test…: the campaign merged for chosen recipients, sent to the user's own addresses, receipts shown. */
package org.broadside.ui.testsend;
