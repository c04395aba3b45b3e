package org.broadside.log;

import org.broadside.delivery.SessionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The advice of a failed connection is read during the run and long after it, in the log: it must be true then too. */
class ConnectFailureExplainerTest {
    @Test
    void theRetryIsPromisedOnlyWhileTheRunGoesOn() {
        Explanation refused = ConnectFailureExplainer.explain(SessionException.Failure.REFUSED);
        assertThat(refused.advice()).endsWith("; while the run goes on, Broadside tries again after a pause");
        assertThat(ConnectFailureExplainer.explain(SessionException.Failure.AUTHENTICATION).advice())
                .as("a refused login is not retried").doesNotContain("tries again");
        assertThat(ConnectFailureExplainer.whatToCheck(SessionException.Failure.REFUSED)).doesNotContain("tries again");
    }
}
