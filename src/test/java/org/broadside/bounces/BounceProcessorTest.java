package org.broadside.bounces;

import org.broadside.testing.StoreBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.BlacklistRepository.BlacklistEntry;

import org.junit.jupiter.api.AfterEach;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules, the events and undo, on classified corpus messages and a real store of each kind. */
class BounceProcessorTest {
    BounceFixture fixture;
    BounceProcessor processor;
    BlacklistRepository blacklist;
    BounceRepository events;

    void seed(StoreBackend backend) {
        fixture = new BounceFixture(backend);
        processor = new BounceProcessor(fixture.db);
        blacklist = new BlacklistRepository(fixture.db);
        events = new BounceRepository(fixture.db);
    }

    @AfterEach
    void closeStore() {
        if (fixture != null) fixture.db.close();
    }

    List<ScanLine> apply(boolean dryRun, String... files) {
        return processor.apply("Bounces", classify(files), dryRun);
    }

    static List<Classification> classify(String... files) {
        return java.util.Arrays.stream(files).map(f -> {
            try {
                return BounceFixture.classifier().classify(BounceFixture.message(f));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    BlacklistEntry entry(String address) {
        return blacklist.entries().stream().filter(e -> e.entry().equals(address)).findFirst().orElse(null);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void hardBounceBlacklistsWithReasonSourceAndDateAndFlagsTheContact(StoreBackend backend) {
        seed(backend);
        long before = System.currentTimeMillis();
        List<ScanLine> lines = apply(false, "01-dsn-hard-rfc822.eml");
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.action()).isEqualTo(BounceAction.BLACKLISTED);
            assertThat(l.format(false)).startsWith("hard-bounce  alice@example.com  campaign \"Autumn news\"  blacklisted [event ");
        });
        BlacklistEntry e = entry("alice@example.com");
        assertThat(e.source()).isEqualTo("bounces");
        assertThat(e.reason()).startsWith("hard bounce 5.1.1 on 2026-11-21 (campaign Autumn news): 550 5.1.1");
        assertThat(e.addedAtMillis()).isBetween(before, System.currentTimeMillis());
        assertThat(fixture.flagsOf("alice@example.com")).isEqualTo("bounced");
        BounceEvent event = events.find(lines.get(0).eventId()).orElseThrow();
        assertThat(event.messageDate()).isEqualTo(Instant.parse("2026-11-21T10:15:00Z"));
        assertThat(event.kind()).isEqualTo(BounceKind.HARD_BOUNCE);
        assertThat(event.campaignId()).isEqualTo(fixture.autumn);
        assertThat(event.recipientId()).isNotNull();
        assertThat(event.reason()).contains("User unknown");
        assertThat(event.blacklistEntry()).isEqualTo("alice@example.com");
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aBlacklistingBounceIsAnnouncedToOpenViewsAndADryRunIsNot(StoreBackend backend) {
        seed(backend);
        List<org.broadside.events.AppEvent> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        fixture.db.events().subscribe(heard::add);
        apply(true, "01-dsn-hard-rfc822.eml");
        assertThat(heard).isEmpty();
        apply(false, "01-dsn-hard-rfc822.eml");
        assertThat(heard).contains(new org.broadside.events.AppEvent.BlacklistChanged(), org.broadside.events.AppEvent.ListsChanged.ANY);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void complaintAndUnsubscribeBlacklistWithTheirOwnFlags(StoreBackend backend) {
        seed(backend);
        apply(false, "07-arf-abuse.eml", "28-unsubscribe-subject-reply.eml");
        assertThat(entry("mallory@example.com").reason()).startsWith("complaint on 2026-11-21");
        assertThat(fixture.flagsOf("mallory@example.com")).isEqualTo("complained");
        // The request came from another address, but the Message-ID names the recipient that was sent to.
        assertThat(entry("peggy@example.com").reason()).startsWith("unsubscribe on 2026-11-21");
        assertThat(entry("peggy.private@example.com")).isNull();
        assertThat(fixture.flagsOf("peggy@example.com")).isEqualTo("unsubscribed");
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void autoRepliesAreRecordedButChangeNothing(StoreBackend backend) {
        seed(backend);
        List<ScanLine> lines = apply(false, "21-auto-rfc3834.eml", "22-auto-outlook.eml");
        assertThat(lines).extracting(ScanLine::action).containsOnly(BounceAction.IGNORED);
        assertThat(blacklist.entries()).isEmpty();
        assertThat(fixture.flagsOf("sybil@example.com")).isNull();
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void unrecognisedMessagesLeaveNoTrace(StoreBackend backend) {
        seed(backend);
        List<ScanLine> lines = apply(false, "31-unrelated-customer.eml", "34-unrelated-dsn-delivered.eml");
        assertThat(lines).extracting(ScanLine::action).containsOnly(BounceAction.LEFT_ALONE);
        assertThat(lines).extracting(ScanLine::eventId).containsOnlyNulls();
        assertThat(events.latest(10)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void oneSoftBounceIsOnlyRecorded(StoreBackend backend) {
        seed(backend);
        List<ScanLine> lines = apply(false, "15-plain-postfix-soft.eml");
        assertThat(lines.get(0).action()).isEqualTo(BounceAction.RECORDED);
        assertThat(lines.get(0).detail()).isEqualTo("soft bounce 1 of 3 in a row");
        assertThat(blacklist.entries()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void softBouncesInThreeCampaignsInARowBlacklist(StoreBackend backend) {
        seed(backend);
        long second = fixture.addCampaign("c2", "Second");
        long third = fixture.addCampaign("c3", "Third");
        fixture.addRecipient(second, 1, "quinn@example.com", "<q.second@news.example.org>");
        fixture.addRecipient(third, 1, "quinn@example.com", "<q.third@news.example.org>");
        processor.apply("Bounces", List.of(softBounce("<a23.autumn@news.example.org>", "autumn")), false);
        processor.apply("Bounces", List.of(softBounce("<q.second@news.example.org>", "second")), false);
        assertThat(blacklist.entries()).isEmpty();
        List<ScanLine> lines = processor.apply("Bounces", List.of(softBounce("<q.third@news.example.org>", "third")), false);
        assertThat(lines.get(0).action()).isEqualTo(BounceAction.BLACKLISTED);
        assertThat(lines.get(0).detail()).isEqualTo("soft bounce 3 of 3 in a row");
        assertThat(entry("quinn@example.com").reason()).startsWith("soft bounce 4.2.2");
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aCampaignThatReachedTheAddressEndsTheStreak(StoreBackend backend) {
        seed(backend);
        long second = fixture.addCampaign("c2", "Second");
        long third = fixture.addCampaign("c3", "Third");
        long fourth = fixture.addCampaign("c4", "Fourth");
        fixture.addRecipient(second, 1, "quinn@example.com", "<q.second@news.example.org>");
        fixture.addRecipient(third, 1, "quinn@example.com", "<q.third@news.example.org>");
        fixture.addRecipient(fourth, 1, "quinn@example.com", "<q.fourth@news.example.org>");
        processor.apply("Bounces", List.of(softBounce("<a23.autumn@news.example.org>", "autumn")), false);
        processor.apply("Bounces", List.of(softBounce("<q.second@news.example.org>", "second")), false);
        // Nothing came back for the third campaign: it reached Quinn, so the fourth bounce starts a new streak.
        List<ScanLine> lines = processor.apply("Bounces", List.of(softBounce("<q.fourth@news.example.org>", "fourth")), false);
        assertThat(lines.get(0).detail()).isEqualTo("soft bounce 1 of 3 in a row");
        assertThat(blacklist.entries()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void editedRulesOnlyRecordHardBounces(StoreBackend backend) {
        seed(backend);
        new BounceRulesRepository(fixture.db).save(new BounceRules(false, 0, true, true));
        assertThat(new BounceRulesRepository(fixture.db).get()).isEqualTo(new BounceRules(false, 0, true, true));
        List<ScanLine> lines = apply(false, "01-dsn-hard-rfc822.eml", "03-dsn-soft-mailbox-full.eml");
        assertThat(lines).extracting(ScanLine::action).containsExactly(BounceAction.RECORDED, BounceAction.RECORDED);
        assertThat(lines.get(1).detail()).isEqualTo("soft bounce 1 in a row");
        assertThat(blacklist.entries()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void dryRunShowsTheActionsAndChangesNothing(StoreBackend backend) {
        seed(backend);
        List<ScanLine> lines = apply(true, "01-dsn-hard-rfc822.eml", "07-arf-abuse.eml", "21-auto-rfc3834.eml", "31-unrelated-customer.eml");
        assertThat(lines).extracting(l -> l.format(true)).containsExactly(
                "hard-bounce  alice@example.com  campaign \"Autumn news\"  would blacklist",
                "complaint  mallory@example.com  campaign \"Autumn news\"  would blacklist",
                "auto-reply  sybil@example.com  campaign \"Autumn news\"  would ignore",
                "unrecognised  grace.customer@example.com  no campaign  would leave in mailbox");
        assertThat(blacklist.entries()).isEmpty();
        assertThat(events.latest(10)).isEmpty();
        assertThat(fixture.flagsOf("alice@example.com")).isNull();
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void theSameMessageIsProcessedOnce(StoreBackend backend) {
        seed(backend);
        apply(false, "03-dsn-soft-mailbox-full.eml");
        List<ScanLine> again = apply(false, "03-dsn-soft-mailbox-full.eml");
        assertThat(again.get(0).action()).isEqualTo(BounceAction.ALREADY_PROCESSED);
        assertThat(events.latest(10)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void undoRemovesTheBlacklistEntryAndTheFlagItAdded(StoreBackend backend) {
        seed(backend);
        long id = apply(false, "01-dsn-hard-rfc822.eml").get(0).eventId();
        assertThat(events.undo(id)).isEqualTo(UndoResult.UNDONE);
        assertThat(entry("alice@example.com")).isNull();
        assertThat(fixture.flagsOf("alice@example.com")).isNull();
        assertThat(events.find(id).orElseThrow().undone()).isTrue();
        assertThat(events.undo(id)).isEqualTo(UndoResult.ALREADY_UNDONE);
        assertThat(events.undo(9999)).isEqualTo(UndoResult.NOT_FOUND);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void undoLeavesAnEntryTheUserHadAddedBefore(StoreBackend backend) {
        seed(backend);
        // Plain SQL: the entry the user added, the same on both stores whatever BlacklistRepository's state.
        fixture.db.inTransaction(c -> {
            try (var p = c.prepareStatement("INSERT INTO blacklist(entry, reason, source, added_at) VALUES ('alice@example.com', 'asked by phone', 'manual', ?)")) {
                p.setLong(1, System.currentTimeMillis());
                return p.executeUpdate();
            }
        });
        long id = apply(false, "01-dsn-hard-rfc822.eml").get(0).eventId();
        assertThat(events.find(id).orElseThrow().action()).isEqualTo(BounceAction.ALREADY_BLACKLISTED);
        events.undo(id);
        assertThat(entry("alice@example.com").reason()).isEqualTo("asked by phone");
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void countsPerCampaignLeaveOutUndoneEvents(StoreBackend backend) {
        seed(backend);
        List<ScanLine> lines = apply(false, "01-dsn-hard-rfc822.eml", "02-dsn-hard-headers-verp.eml", "03-dsn-soft-mailbox-full.eml",
                "07-arf-abuse.eml", "08-arf-headers-only-verp.eml", "27-unsubscribe-mailto.eml", "21-auto-rfc3834.eml", "35-dsn-unknown-recipient.eml");
        assertThat(events.countsFor(fixture.autumn)).isEqualTo(new BounceCounts(2, 1, 2, 1));
        events.undo(lines.get(0).eventId());
        assertThat(events.countsFor(fixture.autumn)).isEqualTo(new BounceCounts(1, 1, 2, 1));
        assertThat(events.countsFor(fixture.winter)).isEqualTo(new BounceCounts(0, 0, 0, 0));
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aBounceForAnAddressOfNoCampaignStillBlacklistsIt(StoreBackend backend) {
        seed(backend);
        List<ScanLine> lines = apply(false, "35-dsn-unknown-recipient.eml");
        assertThat(lines.get(0).recipient()).isNull();
        assertThat(entry("stranger@elsewhere.example")).isNotNull();
    }

    /** A soft DSN for Quinn answering the given Message-ID. */
    static Classification softBounce(String originalMessageId, String tag) {
        return new Classification(BounceKind.SOFT_BOUNCE, "quinn@example.com", "4.2.2", "452 4.2.2 Mailbox full",
                List.of(originalMessageId), List.of(), "<soft-" + tag + "@mx.example.com>", Instant.parse("2026-11-21T15:00:00Z"), "Delayed Mail");
    }
}
