package org.broadside.ui;

import org.broadside.campaign.CampaignFiles;
import org.broadside.compose.CampaignChecks;
import org.broadside.compose.CheckLine;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.ui.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FirstRunTest {
    @Test
    void theSampleCampaignPassesItsOwnCheckWithoutFalseWarnings() throws Exception {
        Path data = TempDirs.create("first-run");
        Database db = Database.open(data);
        ContactRepository contacts = new ContactRepository(db);
        Path file = FirstRun.prepare(data, contacts);
        // Linus has no last name, but [Last Name] is only written where <IF [[Last Name]] <> ""> holds.
        List<CheckLine> lines = CampaignChecks.check(CampaignFiles.read(file), contacts, Set.of(SandboxServer.ACCOUNT_NAME));
        assertThat(lines).isEmpty();
    }

    /** The Preview showed "Cheers from across the Channel!" in the text and not in the HTML beside it. */
    @Test
    void theSamplesHtmlSaysWhatItsTextSays() {
        var sample = FirstRun.sample();
        for (String sentence : List.of("Cheers from across the Channel!", "Greetings from the sample!", "1 Example Street")) {
            assertThat(sample.text()).contains(sentence);
            assertThat(sample.html()).contains(sentence);
        }
    }

    @Test
    void theSampleHtmlIsAProperEmailDocument() {
        assertThat(FirstRun.sample().html()).startsWith("<!DOCTYPE html>").contains("charset=\"utf-8\"").contains("href=\"[Unsubscribe]\"");
    }
}
