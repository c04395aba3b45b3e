package org.broadside.merge;

import java.util.List;

/** Everything the preflight found; a campaign with errors must not be sent. */
public record PreflightReport(List<PreflightIssue> issues) {
    public PreflightReport {
        issues = List.copyOf(issues);
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(issue -> issue.severity() == Severity.ERROR);
    }
}
