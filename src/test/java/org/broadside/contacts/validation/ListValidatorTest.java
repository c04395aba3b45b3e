package org.broadside.contacts.validation;

import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.support.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Validation with a fake resolver: no test depends on the Internet. */
class ListValidatorTest {
    private ContactRepository repo;
    private ContactList list;
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
    private final MailDomainResolver fake = domain -> {
        lookups.computeIfAbsent(domain, d -> new AtomicInteger()).incrementAndGet();
        return switch (domain) {
            case "mx.example" -> MailDomainStatus.HAS_MX;
            case "a-only.example" -> MailDomainStatus.HAS_ADDRESS;
            case "slow.example" -> MailDomainStatus.UNKNOWN;
            case "xn--bcher-kva.example" -> MailDomainStatus.HAS_MX;
            default -> MailDomainStatus.NO_MAIL;
        };
    };

    @BeforeEach
    void fill() {
        repo = new ContactRepository(TestStores.fresh());
        list = repo.createList("L", List.of());
        repo.upsert(list.id(), List.of(
                Contact.of("ann@mx.example", Map.of()), Contact.of("bob@mx.example", Map.of()),
                Contact.of("info@a-only.example", Map.of()), Contact.of("ghost@nowhere.example", Map.of()),
                Contact.of("who@slow.example", Map.of()), Contact.of("broken@@mx.example", Map.of()),
                Contact.of("tmp@mailinator.com", Map.of()), Contact.of("josé@bücher.example", Map.of())));
    }

    private String flags(String email) {
        return repo.database().read(c -> {
            try (var p = c.prepareStatement("SELECT flags FROM contacts WHERE email = ?")) {
                p.setString(1, email);
                try (var rs = p.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    @Test
    void domainsWithoutMxOrAddressAreFlaggedAndUnknownOnesAreNotJudged() {
        var report = new ListValidator(repo, new DomainChecker(fake, 4)).validate(list.id(), false);

        assertThat(report.checked()).isEqualTo(8);
        assertThat(report.noMailDomain()).isEqualTo(2);
        assertThat(report.domainUnknown()).isEqualTo(1);
        assertThat(flags("ghost@nowhere.example")).isEqualTo("no-mail-domain");
        assertThat(flags("info@a-only.example")).isEqualTo("role");
        assertThat(flags("who@slow.example")).isNull();
        assertThat(flags("ann@mx.example")).isNull();
        assertThat(flags("josé@bücher.example")).isNull();
    }

    @Test
    void eachDistinctDomainIsLookedUpOnce() {
        new ListValidator(repo, new DomainChecker(fake, 4)).validate(list.id(), false);

        assertThat(lookups.get("mx.example").get()).isEqualTo(1);
        assertThat(lookups).doesNotContainKey("bücher.example");
    }

    @Test
    void syntaxRoleAndDisposableAreFlaggedWithoutDns() {
        var report = new ListValidator(repo, null).validate(list.id(), false);

        assertThat(report.invalid()).isEqualTo(1);
        assertThat(report.role()).isEqualTo(1);
        assertThat(report.disposable()).isEqualTo(1);
        assertThat(report.noMailDomain()).isZero();
        assertThat(flags("broken@@mx.example")).isEqualTo("invalid");
        assertThat(flags("tmp@mailinator.com")).isEqualTo("disposable");
        assertThat(lookups).isEmpty();
    }

    @Test
    void removeDeletesInvalidAddressesAndDeadDomains() {
        var report = new ListValidator(repo, new DomainChecker(fake, 2)).validate(list.id(), true);

        assertThat(report.removed()).isEqualTo(3);
        assertThat(repo.count(list.id())).isEqualTo(5);
        assertThat(repo.find(list.id(), "ghost@nowhere.example")).isEmpty();
    }

    @Test
    void lookupsNeverExceedTheConcurrencyLimit() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        MailDomainResolver slow = domain -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return MailDomainStatus.HAS_MX;
        };
        DomainChecker checker = new DomainChecker(slow, 3);

        checker.checkAll(java.util.stream.IntStream.range(0, 30).mapToObj(i -> "d" + i + ".example").toList());

        assertThat(peak.get()).isLessThanOrEqualTo(3).isGreaterThan(1);
        assertThat(checker.cachedDomains()).isEqualTo(30);
    }

    @Test
    void aResolverThatThrowsCountsAsUnknown() {
        DomainChecker checker = new DomainChecker(d -> {
            throw new IllegalStateException("network down");
        }, 1);

        assertThat(checker.check("example.com")).isEqualTo(MailDomainStatus.UNKNOWN);
    }
}
