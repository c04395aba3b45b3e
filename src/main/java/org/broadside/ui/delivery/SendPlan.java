package org.broadside.ui.delivery;

import org.broadside.delivery.RecipientState;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What pressing Send would do, found out in the background before anything starts. */
sealed interface SendPlan {
    /**
     * The campaign was never sent: its recipients are taken from the list when it starts.
     *
     * @param recipients how many would receive it (list, filter, blacklist, duplicates applied), or -1 when unknown
     */
    record FirstSend(long recipients, String list, String filter, List<String> accounts) implements SendPlan {
        public FirstSend {
            accounts = List.copyOf(accounts);
        }

        /** The confirmation question, with everything the user should check before it goes. */
        String question() {
            return String.format("Send to %,d recipients now?%n%nList: %s%nFilter: %s%nAccount%s: %s%n%n"
                            + "After this first send, the recipients are fixed: changing the list or filter does not change them.",
                    recipients, list, filter == null || filter.isBlank() ? "none (everyone on the list)" : filter,
                    accounts.size() == 1 ? "" : "s", String.join(", ", accounts));
        }
    }

    /** The campaign was sent before and has recipients left to send (or to retry): Send resumes it. */
    record Resume(long due) implements SendPlan {}

    /**
     * The campaign was sent before and nobody is left to send to.
     *
     * @param frozenAt when its recipients were taken from the list (its first send)
     */
    record NothingDue(Map<RecipientState, Long> counts, Instant frozenAt, String listNow) implements SendPlan {
        public NothingDue {
            counts = Map.copyOf(counts);
        }

        long count(RecipientState s) { return counts.getOrDefault(s, 0L); }

        long total() { return counts.values().stream().mapToLong(Long::longValue).sum(); }
    }
}
