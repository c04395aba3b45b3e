package org.broadside.ui;

import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignFiles;
import org.broadside.campaign.Unsubscribe;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.ui.sandbox.SandboxServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The newcomer's starting point: a sample list of a few contacts and a sample campaign that sends to them through
 * the Sandbox, so pressing Send shows receipts, the log and the received messages within seconds.
 */
public final class FirstRun {
    public static final String SAMPLE_LIST = "Sample contacts";
    static final String MARKER = ".sample-created";

    private FirstRun() {}

    /** Creates the sample once per data directory; answers the campaign file to open, or null when done before. */
    public static Path prepare(Path dataDirectory, ContactRepository contacts) throws IOException {
        if (Files.exists(dataDirectory.resolve(MARKER))) return null;
        ContactList list = contacts.createList(SAMPLE_LIST, List.of("First Name", "Last Name", "Gender", "Country"));
        contacts.upsert(list.id(), List.of(
                contact("ada@example.com", "Ada", "Lovelace", "F", "UK"),
                contact("alan@example.com", "Alan", "Turing", "M", "UK"),
                contact("grace@example.org", "Grace", "Hopper", "F", "US"),
                contact("linus@example.net", "Linus", "", "M", "FI"),
                contact("margaret@example.org", "Margaret", "Hamilton", "F", "US")));
        Path file = dataDirectory.resolve("campaigns").resolve("Welcome.json");
        if (!Files.exists(file)) CampaignFiles.write(sample(), file);
        Files.writeString(dataDirectory.resolve(MARKER), file.toString());
        return file;
    }

    /** The sample shows good practice: its own check finds nothing (an unsubscribe link and a postal address). */
    static Campaign sample() {
        String text = """
                <IF [[Gender]] = "M" <AND> [[Last Name]] <> "">Dear Mr. [Last Name],<ELSEIF [[Gender]] = "F" <AND> [[Last Name]] <> "">Dear Ms. [Last Name],<ELSE>Hello [First Name|there],</IF>

                This is Broadside's sample campaign. It goes to the Sandbox, a mail server inside the app,
                so nothing leaves your computer.

                <IF [[Country]] = "UK">Cheers from across the Channel!<ELSE>Greetings from the sample!</IF>

                To stop receiving these: [Unsubscribe]
                Broadside Sample, 1 Example Street, Springfield 12345
                """;
        String html = """
                <html><body style="font-family: sans-serif">
                <p><IF [[Gender]] = "M" <AND> [[Last Name]] <> "">Dear Mr. [Last Name],<ELSEIF [[Gender]] = "F" <AND> [[Last Name]] <> "">Dear Ms. [Last Name],<ELSE>Hello [First Name|there],</IF></p>
                <p>This is <b>Broadside</b>'s sample campaign. It goes to the <i>Sandbox</i>, a mail server inside the app,
                so nothing leaves your computer.</p>
                <p><IF [[Country]] = "UK">Cheers from across the Channel!<ELSE>Greetings from the sample!</IF></p>
                <p><a href="[Unsubscribe]">Unsubscribe</a><br>Broadside Sample, 1 Example Street, Springfield 12345</p>
                </body></html>
                """;
        return Campaign.blank(UUID.randomUUID().toString(), "Welcome (sample)")
                .withRecipients(List.of(SandboxServer.ACCOUNT_NAME), SAMPLE_LIST, null)
                .withMessage("Broadside Sample <sample@broadside.invalid>", null, "Hello [First Name|there], your first campaign", text,
                        org.broadside.compose.EmailHtml.clean(html))
                .withUnsubscribe(new Unsubscribe("unsubscribe@broadside.invalid", null, false));
    }

    private static Contact contact(String email, String first, String last, String gender, String country) {
        return Contact.of(email, Map.of("First Name", first, "Last Name", last, "Gender", gender, "Country", country));
    }
}
