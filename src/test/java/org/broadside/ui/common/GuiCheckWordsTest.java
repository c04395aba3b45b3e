package org.broadside.ui.common;

import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.Unsubscribe;
import org.broadside.compose.CampaignChecks;
import org.broadside.compose.CheckCode;
import org.broadside.compose.CheckLine;
import org.broadside.compose.DomainSetupChecks;
import org.broadside.contacts.ContactRepository;
import org.broadside.deliverability.checks.DomainChecks;
import org.broadside.deliverability.checks.SendingSetup;
import org.broadside.deliverability.dns.ZoneResolver;
import org.broadside.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every finding the window can show is worded for the window: no campaign-file key, no command. The findings come from
 * the real checks over campaigns built to trigger every code, so a new code without window words fails here.
 */
class GuiCheckWordsTest {
    /** A key of the campaign file ("unsubscribe.url", "delivery.returnPath", "textFile"...), a command or an option. */
    private static final Pattern FILE_OR_COMMAND_WORDS = Pattern.compile(
            "\\b(unsubscribe|delivery|from|account|list|filter|headers|attachments)\\.[a-z]|\\b(textFile|htmlFile|replyTo|returnPath)\\b"
                    + "|broadside |(^|\\s)--[a-z]");
    private Path dir;
    private Database db;

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "gui-words");
        db = Database.open(dir);
    }

    @Test
    void everyCheckFindingTheWindowShowsNamesControlsNotFileKeysOrCommands() throws Exception {
        List<CheckLine> lines = new ArrayList<>();
        for (Campaign c : campaignsTriggeringEveryFinding()) {
            lines.addAll(CampaignChecks.check(new CampaignDocument(c, dir.resolve("c.json")), new ContactRepository(db), Set.of("Sandbox")));
        }
        var zone = new ZoneResolver();
        lines.addAll(org.broadside.compose.DomainCheckLines.of(new DomainChecks(zone.lookup()), SendingSetup.relay("news.example.com", null, "smtp.example.net", null)));
        lines.addAll(org.broadside.compose.DomainCheckLines.of(new DomainChecks(zone.lookup()), SendingSetup.direct("news.example.com", null,
                InetAddress.getByName("192.0.2.7"), "mail.example.com", null)));
        lines.addAll(DomainSetupChecks.check(new CampaignDocument(good(), null), db, zone.lookup()));

        EnumSet<CheckCode> seen = EnumSet.noneOf(CheckCode.class);
        for (CheckLine l : lines) {
            seen.add(l.code());
            assertThat(CheckWords.of(l)).as("window words of %s (%s)", l.code(), l.message()).doesNotContainPattern(FILE_OR_COMMAND_WORDS);
        }
        assertThat(seen).as("every check code is produced by some campaign here").containsAll(EnumSet.complementOf(EnumSet.of(CheckCode.OTHER)));
    }

    @Test
    void theCommandLineKeepsItsOwnWords() {
        Campaign noMethod = good().withUnsubscribe(null);
        CheckLine l = CampaignChecks.check(new CampaignDocument(noMethod, null), null, Set.of("Sandbox")).stream()
                .filter(x -> x.code() == CheckCode.UNSUBSCRIBE_MISSING).findFirst().orElseThrow();
        assertThat(l.message()).contains("unsubscribe.url");
        assertThat(CheckWords.of(l)).contains("Settings tab", "\"Unsubscribe URL\"");
    }

    @Test
    void aFilterFieldTheListLacksIsNamedWithWhereToCorrectIt() {
        new ContactRepository(db).createList("People", List.of("Country"));
        Campaign c = good().withRecipients(List.of("Sandbox"), "People", "[[Countyr]] = \"FR\" <AND> [[Country]] <> \"DE\"");
        List<CheckLine> lines = CampaignChecks.check(new CampaignDocument(c, null), new ContactRepository(db), Set.of("Sandbox"));
        CheckLine l = lines.stream().filter(x -> x.code() == CheckCode.FILTER_UNKNOWN_FIELD).findFirst().orElseThrow();
        assertThat(l.severity()).isEqualTo(org.broadside.merge.Severity.WARNING);
        assertThat(CheckWords.of(l)).isEqualTo("the filter reads [countyr], which the list \"People\" does not have (empty for "
                + "every contact): check its spelling in \"Filter\" on the Recipients tab");
        Campaign right = good().withRecipients(List.of("Sandbox"), "People", "[[country]] <> \"DE\"");
        assertThat(CampaignChecks.check(new CampaignDocument(right, null), new ContactRepository(db), Set.of("Sandbox")))
                .extracting(CheckLine::code).doesNotContain(CheckCode.FILTER_UNKNOWN_FIELD);
    }

    @Test
    void anUnknownAccountIsNamedWithWhereToAddIt() {
        Campaign c = good().withRecipients(List.of("Office"), "Sample", null);
        CheckLine l = CampaignChecks.check(new CampaignDocument(c, null), null, Set.of("Sandbox")).stream()
                .filter(x -> x.code() == CheckCode.ACCOUNT_UNKNOWN).findFirst().orElseThrow();
        assertThat(CheckWords.of(l)).contains("\"Office\"", "Tools > Accounts…");
    }

    private List<Campaign> campaignsTriggeringEveryFinding() throws Exception {
        Path big = dir.resolve("big.bin");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(11L * 1024 * 1024);
        }
        Campaign g = good();
        new ContactRepository(db).createList("People", List.of("Country"));
        return List.of(
                g,
                g.withRecipients(List.of("Sandbox"), "People", "[[Countyr]] = \"FR\""),
                g.withMessage(null, null, "", "", ""),
                g.withMessage("not an address", "bad", "<IF [[Name]] = \"x\">open", "Hello [Nickname]", "<p><img src=\"a.png\"></p>"),
                new Campaign("x", "n", List.of("Nope"), "Missing list", "[[Country]] = ", "me@example.com", null, "Hi", null,
                        "missing-body.txt", null, null, List.of("missing.pdf", big.toAbsolutePath().toString()), Map.of(), new Unsubscribe(null, null, true), null),
                g.withRecipients(List.of(), null, null).withUnsubscribe(null),
                g.withUnsubscribe(new Unsubscribe(null, null, null, "ftp://news.example.com", null)),
                g.withUnsubscribe(new Unsubscribe(null, null, null, "http://news.example.com", null)),
                g.withTracking(new org.broadside.campaign.Tracking(true, true)),
                g.withUnsubscribe(new Unsubscribe(null, "http://example.com/u/[Token]", false))
                        .withMessage("me@example.com", null, "Hi", "No link here. 1 Main St, Springfield 12345", ""));
    }

    private static Campaign good() {
        return Campaign.blank("g", "Good").withRecipients(List.of("Sandbox"), "Sample", null)
                .withMessage("Me <me@example.com>", null, "Hi", "Hello [Unsubscribe] 1 Main St, Springfield 12345", "")
                .withUnsubscribe(new Unsubscribe("unsubscribe@example.com", null, false));
    }
}
