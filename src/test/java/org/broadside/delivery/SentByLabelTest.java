package org.broadside.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a recipient's sender is named: whole in reports, short in the Delivery table's narrow column. */
class SentByLabelTest {
    @Test
    void theReportNamesHostAndProcess() {
        assertThat(new SentBy("office-pc", 4242L).label()).isEqualTo("office-pc (process 4242)");
        assertThat(SentBy.of(null, 4242L).label()).isEqualTo("process 4242");
        assertThat(SentBy.of("office-pc", null).label()).isEqualTo("office-pc");
        assertThat(SentBy.of(null, null)).as("a run from before Broadside recorded its process").isNull();
        assertThat(SentBy.label(null)).isEmpty();
    }

    @Test
    void theTableDropsTheDomainButNeverCutsAnAddress() {
        assertThat(new SentBy("laptop-anne.acme.example", 99121L).shortLabel()).isEqualTo("laptop-anne (pid 99121)");
        assertThat(new SentBy("office-pc", 4242L).shortLabel()).isEqualTo("office-pc (pid 4242)");
        assertThat(new SentBy("192.168.1.20", 7L).shortLabel()).isEqualTo("192.168.1.20 (pid 7)");
        assertThat(new SentBy("fe80::1.2", 7L).shortLabel()).isEqualTo("fe80::1.2 (pid 7)");
        assertThat(SentBy.of(null, 7L).shortLabel()).isEqualTo("pid 7");
    }
}
