package org.broadside.delivery;

import org.broadside.campaign.DeliveryOptions;
import org.broadside.diagnostics.LogFile;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bug inside a run used to reach the user as "delivery stopped: null" and leave no trace anywhere. Now the run's
 * reason names the exception and the log file, and the log file has the stack trace.
 */
class DeliveryFailureDiagnosticsTest {
    private final EngineFixture f = new EngineFixture();
    private final FakeMessenger server = new FakeMessenger();
    private Path logFile;

    @BeforeEach
    void logIntoThisTestsDirectory() {
        logFile = LogFile.start(TempDirs.create("delivery-log"), LogFile.Console.QUIET).orElseThrow();
    }

    @Test
    void aNullPointerExceptionWhileSendingIsNamedInTheReasonAndTracedInTheLog() throws Exception {
        f.withContacts("a@example.com", "b@example.com").frozen();
        server.script.put("a@example.com", n -> {
            throw new NullPointerException();
        });
        RunResult r = f.run(EngineFixture.lane("main", server, 1));
        assertThat(r.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(r.reason()).isEqualTo("delivery stopped: internal error (NullPointerException) - details in the log file " + logFile)
                .doesNotContain("null)");
        String log = Files.readString(logFile);
        assertThat(log).contains("ERROR").contains("Delivery stopped").contains("java.lang.NullPointerException")
                .contains("at org.broadside.delivery.ConnectionWorker");
    }

    @Test
    void aNullPointerExceptionOfTheRunItselfPausesItWithItsTypeInsteadOfPassingForAStop() throws Exception {
        f.withContacts("a@example.com").frozen();
        DeliveryListener failing = new DeliveryListener() {
            @Override
            public void runStarted(long runId, Progress progress) {
                throw new NullPointerException();
            }
        };
        RunResult r = f.engine.run(new RunRequest(f.campaigns.find("campaign-1").orElseThrow(), EngineFixture.composer(),
                List.of(EngineFixture.lane("main", server, 1)), DeliveryOptions.defaults(), false, false, failing, null));
        // Before: the message (null) was taken for "no failure", and the run reported "stopped by the user".
        assertThat(r.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(r.reason()).startsWith("internal error (NullPointerException)").contains(logFile.toString());
        assertThat(Files.readString(logFile)).contains("Campaign ").contains("stopped").contains("java.lang.NullPointerException")
                .contains("at org.broadside.delivery.CampaignRun");
    }
}
