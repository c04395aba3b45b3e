package org.broadside.delivery;

/** A connection of a run: its number (1, 2, ...) and the account it belongs to. */
public record ConnectionId(int number, String account) {
    @Override
    public String toString() { return "#" + number + " (" + account + ")"; }
}
