package org.broadside.compose;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountKind;
import org.broadside.accounts.AccountSecurity;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.accounts.InvalidAccountException;
import org.broadside.accounts.AccountAuth;
import org.broadside.delivery.AccountLane;
import org.broadside.delivery.SmtpMessenger;
import org.broadside.delivery.direct.DirectMessenger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountLanesTest {
    @Test
    void relayAccountSendsThroughItsServer() throws Exception {
        Account relay = Account.builder("Work").host("smtp.example.com").port(587).security(AccountSecurity.STARTTLS).messagesPerConnection(100).build();
        AccountLane lane = AccountLanes.lane(relay, new InMemoryCredentialStore(), "acme.example", 1);
        assertThat(lane.messenger()).isInstanceOf(SmtpMessenger.class);
        assertThat(lane.messagesPerConnection()).isEqualTo(100);
    }

    @Test
    void directAccountDeliversToEachDomainsMxWithPooledConnections() throws Exception {
        Account direct = Account.builder("Direct").kind(AccountKind.DIRECT).host("").port(25).security(AccountSecurity.NONE)
                .messagesPerConnection(100).build();
        AccountLane lane = AccountLanes.lane(direct, new InMemoryCredentialStore(), "acme.example", 1);
        assertThat(lane.messenger()).isInstanceOf(DirectMessenger.class);
        assertThat(lane.messagesPerConnection()).isZero();
    }

    @Test
    void directAccountCannotLogIn() {
        assertThatThrownBy(() -> Account.builder("Direct").kind(AccountKind.DIRECT).host("").port(25).security(AccountSecurity.NONE)
                .auth(AccountAuth.PLAIN).username("me").build()).isInstanceOf(InvalidAccountException.class).hasMessageContaining("does not log in");
    }

    @Test
    void loginWithoutAStoredPasswordIsExplained() {
        Account a = Account.builder("Work").host("smtp.example.com").port(587).security(AccountSecurity.STARTTLS)
                .auth(AccountAuth.PLAIN).username("me").build();
        assertThatThrownBy(() -> AccountLanes.lane(a, new InMemoryCredentialStore(), "acme.example", 1))
                .isInstanceOf(ComposeException.class).hasMessageContaining("No password is stored for account Work");
    }
}
