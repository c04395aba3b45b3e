package org.broadside.cli;

import org.broadside.campaign.CampaignDocument;
import org.broadside.compose.CampaignComposer;
import org.broadside.compose.Preview;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Prints one recipient's merged message exactly as it would go on the wire. */
@Command(name = "preview", mixinStandardHelpOptions = true, description = "Print the merged message, as it would go on the wire, for one recipient of the campaign's list.")
public final class PreviewCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAMPAIGN.json", description = "The campaign document.")
    Path campaignFile;

    @Option(names = "--recipient", required = true, paramLabel = "EMAIL", description = "A recipient of the campaign's list.")
    String recipient;

    @Override
    public Integer call() {
        CampaignDocument doc = CampaignArgs.read(campaignFile);
        String listName = doc.campaign().list();
        if (listName == null || listName.isBlank()) throw new UserInputException("The campaign names no list; set \"list\" in " + campaignFile + ".");
        ContactRepository contacts = new ContactRepository(database());
        ContactList list = contacts.findList(listName)
                .orElseThrow(() -> new UserInputException("There is no list named \"" + listName + "\"; import it first with 'broadside list import'."));
        Contact contact = contacts.find(list.id(), recipient)
                .orElseThrow(() -> new UserInputException(recipient + " is not in the list \"" + list.name() + "\"."));
        CampaignComposer composer = CampaignArgs.composer(doc, database());
        Preview p = composer.preview(contact.id(), contact.email(), contact.fields());
        if (p.skipReason() != null) {
            err().println("broadside: " + contact.email() + " would be SKIPPED: " + p.skipReason());
            return ExitCodes.FINDINGS;
        }
        out().print(new String(p.raw(), StandardCharsets.UTF_8));
        out().flush();
        return ExitCodes.OK;
    }
}
