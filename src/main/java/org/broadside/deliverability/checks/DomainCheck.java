package org.broadside.deliverability.checks;

import java.util.Objects;

/**
 * One line of the deliverability check: PASS, WARN or FAIL, what was checked, what was found, and the fix in
 * plain words (null when nothing needs doing). The GUI shows PASS lines too; the pre-send check drops them.
 */
public record DomainCheck(Status status, String title, String detail, String fix) {
    /** FAIL blocks sending unless the user overrides it; WARN is shown; PASS is reassurance. */
    public enum Status { PASS, WARN, FAIL }

    public DomainCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
    }

    public static DomainCheck pass(String title, String detail) {
        return new DomainCheck(Status.PASS, title, detail, null);
    }

    public static DomainCheck warn(String title, String detail, String fix) {
        return new DomainCheck(Status.WARN, title, detail, fix);
    }

    public static DomainCheck fail(String title, String detail, String fix) {
        return new DomainCheck(Status.FAIL, title, detail, fix);
    }

    /** "Title: detail. Fix: fix" as one line for the CLI. */
    public String sentence() {
        String d = detail.endsWith(".") ? detail : detail + ".";
        return title + ": " + d + (fix == null ? "" : " Fix: " + fix);
    }
}
