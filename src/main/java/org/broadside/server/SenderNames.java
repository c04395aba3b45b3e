package org.broadside.server;

import java.util.Optional;
import java.util.function.Function;

/** The name a page shows for a campaign when the settings file names no sender: the campaign's name, on a shared store. */
@FunctionalInterface
interface SenderNames {
    Optional<String> of(String campaignUid);

    static SenderNames from(Function<String, Optional<String>> lookup) {
        return lookup::apply;
    }
}
