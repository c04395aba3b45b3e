package org.broadside.ui.delivery;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryStatusLineTest {
    private static Banner banner(String text) {
        return new Banner(text, Banner.Severity.ERROR, List.of());
    }

    @Test
    void aStatusTheBannerAlreadyExplainsShrinksToItsFirstWord() {
        String why = "127.0.0.1:53895 refused the login of account Work (the server rejected the login (535 5.7.8 invalid)).";
        assertThat(DeliveryView.statusLine("Paused: " + why + " Check the user name.", banner("Account Work: " + why + " Check the user name and password.")))
                .isEqualTo("Paused");
    }

    @Test
    void aStatusTheBannerDoesNotSayStaysWhole() {
        assertThat(DeliveryView.statusLine("Not sent: you cancelled the send.", banner("Nothing is due: all 5 recipients are SENT.")))
                .isEqualTo("Not sent: you cancelled the send.");
        assertThat(DeliveryView.statusLine("Sending", banner("Account Work: cannot reach the server."))).isEqualTo("Sending");
        assertThat(DeliveryView.statusLine("Paused: the server is down.", null)).isEqualTo("Paused: the server is down.");
    }
}
