package org.broadside.log;

/** A server reply in plain words for the connection log: what it means, whether it lasts, what to do. */
public record Explanation(String meaning, Persistence persistence, String advice) {
    @Override
    public String toString() {
        return meaning + "; " + persistence.name().toLowerCase(java.util.Locale.ROOT) + "; " + advice;
    }
}
