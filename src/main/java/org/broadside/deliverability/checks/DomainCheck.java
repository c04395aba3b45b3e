package org.broadside.deliverability.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.broadside.compose.CheckLine;
import org.broadside.merge.Severity;

/**
 * One line of the deliverability check: PASS, WARN or FAIL, what was checked, what was found, and the fix in
 * plain words (null when nothing needs doing). The GUI shows PASS lines too; {@link #toCheckLines} drops them.
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

    /** FAIL becomes ERROR, WARN becomes WARNING, PASS is dropped; {@code part} names the check ("domain", "message"). */
    public static List<CheckLine> toCheckLines(List<DomainCheck> checks, String part) {
        return toCheckLines(checks, part, null);
    }

    /** As {@link #toCheckLines(List, String)}, each line coded by its check and naming {@code about} (the domain). */
    public static List<CheckLine> toCheckLines(List<DomainCheck> checks, String part, String about) {
        List<CheckLine> out = new ArrayList<>();
        for (DomainCheck c : checks) {
            if (c.status == Status.PASS) {
                continue;
            }
            Severity s = c.status == Status.FAIL ? Severity.ERROR : Severity.WARNING;
            out.add(new CheckLine(s, part, 0, 0, c.sentence(), codeOf(c.title), about));
        }
        return out;
    }

    /** The titles are each check's constant name, so they identify the check. */
    private static org.broadside.compose.CheckCode codeOf(String title) {
        return switch (title) {
            case "SPF" -> org.broadside.compose.CheckCode.DOMAIN_SPF;
            case "DKIM" -> org.broadside.compose.CheckCode.DOMAIN_DKIM;
            case "DMARC" -> org.broadside.compose.CheckCode.DOMAIN_DMARC;
            case "MX" -> org.broadside.compose.CheckCode.DOMAIN_MX;
            case "Reverse DNS" -> org.broadside.compose.CheckCode.DOMAIN_REVERSE_DNS;
            default -> org.broadside.compose.CheckCode.MESSAGE_CONTENT;
        };
    }

    /** "Title: detail. Fix: fix" as one line for the CLI. */
    public String sentence() {
        String d = detail.endsWith(".") ? detail : detail + ".";
        return title + ": " + d + (fix == null ? "" : " Fix: " + fix);
    }
}
