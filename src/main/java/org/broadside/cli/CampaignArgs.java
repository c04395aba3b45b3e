package org.broadside.cli;

import org.broadside.accounts.AccountRepository;
import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.CampaignFiles;
import org.broadside.campaign.CampaignFormatException;
import org.broadside.compose.CampaignComposer;
import org.broadside.compose.CampaignSender;
import org.broadside.compose.ComposeException;
import org.broadside.store.Database;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** Shared steps of the commands that take a campaign document. */
final class CampaignArgs {
    private CampaignArgs() {}

    static CampaignDocument read(Path file) {
        try {
            return CampaignFiles.read(file);
        } catch (CampaignFormatException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    static CampaignComposer composer(CampaignDocument doc, Database db) {
        try {
            return CampaignSender.create(db, null).composer(doc, null);
        } catch (ComposeException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /** The names of the stored accounts, compared ignoring case as a campaign's account setting is. */
    static Set<String> accountNames(Database db) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        new AccountRepository(db).list().forEach(a -> names.add(a.name()));
        return names;
    }
}
