package org.broadside.delivery;

import java.util.function.Consumer;

/** Produces the recipients to freeze, one by one, so a million of them never sit in memory together. */
@FunctionalInterface
public interface FrozenSource {
    void emit(Consumer<FrozenRecipient> sink);
}
