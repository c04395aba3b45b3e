package org.broadside.cli;

import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.CampaignFiles;
import org.broadside.campaign.CampaignFormatException;
import org.broadside.compose.CampaignComposer;
import org.broadside.compose.CampaignSender;
import org.broadside.compose.ComposeException;
import org.broadside.store.Database;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    static Set<String> accountNames(Database db) {
        return db.read(c -> {
            Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            try (PreparedStatement p = c.prepareStatement("SELECT name FROM accounts"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) names.add(rs.getString(1));
            }
            return names;
        });
    }
}
