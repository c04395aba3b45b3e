package org.broadside.cli;

import org.broadside.campaign.CampaignDocument;
import org.broadside.campaign.CampaignFiles;
import org.broadside.campaign.CampaignFormatException;
import org.broadside.compose.CampaignComposer;
import org.broadside.compose.ComposeException;
import org.broadside.compose.UnsubscribeTokens;
import org.broadside.store.Database;

import java.io.IOException;
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
            CampaignComposer composer = CampaignComposer.prepare(doc, UnsubscribeTokens.loadOrCreateKey(db.directory()), null);
            String domain = java.net.IDN.toASCII(org.broadside.mime.MailAddress.parse(doc.campaign().from()).domain(), java.net.IDN.ALLOW_UNASSIGNED);
            return composer.withSigner(new org.broadside.deliverability.dkim.DkimKeyStore(db.directory()).find(domain)
                    .map(org.broadside.deliverability.dkim.DkimSigner::new).orElse(null));
        } catch (java.security.GeneralSecurityException e) {
            throw new UserInputException("The DKIM key cannot be read: " + e.getMessage(), e);
        } catch (ComposeException e) {
            throw new UserInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserInputException("Cannot read or create the token key in " + db.directory() + ": " + e.getMessage(), e);
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
