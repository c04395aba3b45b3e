package org.broadside.ui.dkim;

import org.broadside.campaign.CampaignFiles;
import org.broadside.campaign.CampaignFormatException;
import org.broadside.mime.MailAddress;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The domains the user sends from, as far as the app can tell: the From addresses of the open and recent campaigns
 * and the logins of the accounts that are addresses. Reads files: call it off the FX thread.
 */
public final class SendingDomains {
    private SendingDomains() {}

    public static List<String> of(Collection<String> openFroms, Collection<Path> recentFiles, Collection<String> accountLogins) {
        TreeSet<String> out = new TreeSet<>();
        openFroms.forEach(f -> domainOf(f).ifPresent(out::add));
        for (Path p : recentFiles) {
            try {
                domainOf(CampaignFiles.read(p).campaign().from()).ifPresent(out::add);
            } catch (CampaignFormatException e) {
                // A recent file that moved or broke names no domain; the Open Recent menu reports it when chosen.
            }
        }
        accountLogins.forEach(l -> domainOf(l).ifPresent(out::add));
        return List.copyOf(out);
    }

    /** The domain of an address, leaving out merge fields and the reserved test domains no one can publish DNS for. */
    static Optional<String> domainOf(String address) {
        if (address == null || !address.contains("@") || address.contains("[")) return Optional.empty();
        try {
            String d = MailAddress.parse(address).domain().toLowerCase(Locale.ROOT);
            boolean reserved = d.endsWith(".invalid") || d.endsWith(".test") || d.endsWith(".localhost") || d.endsWith(".example")
                    || d.equals("localhost");
            return reserved || !d.contains(".") ? Optional.empty() : Optional.of(d);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
