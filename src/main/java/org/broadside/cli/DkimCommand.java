package org.broadside.cli;

import org.broadside.deliverability.dkim.DkimKey;
import org.broadside.deliverability.dkim.DkimKeyStore;
import org.broadside.deliverability.dkim.DkimKeyType;
import org.broadside.deliverability.dkim.DkimKeys;
import org.broadside.deliverability.dkim.DkimRecordCheck;
import org.broadside.deliverability.dns.DnsjavaLookup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;

/** DKIM keys of sending domains: generate one (and the DNS record to publish), show it, check the published record. */
@Command(name = "dkim", mixinStandardHelpOptions = true, description = "DKIM signing keys of your sending domains. Messages from a domain with a key are signed.",
        subcommands = {DkimCommand.Generate.class, DkimCommand.Show.class, DkimCommand.Check.class, HelpCommand.class})
public final class DkimCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Choose a subcommand: generate, show or check.");
    }

    /** Generates a key and prints the TXT record to publish. */
    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate a key for DOMAIN and print the DNS TXT record to publish.")
    public static final class Generate extends CommandSupport implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DOMAIN")
        String domain;

        @Option(names = "--selector", required = true, paramLabel = "NAME", description = "e.g. broadside2026")
        String selector;

        @Option(names = "--type", defaultValue = "rsa", paramLabel = "rsa|ed25519", description = "Key type (default rsa, 2048 bits).")
        String type;

        @Override
        public Integer call() {
            DkimKeyType t = switch (type.toLowerCase()) {
                case "rsa" -> DkimKeyType.RSA;
                case "ed25519" -> DkimKeyType.ED25519;
                default -> throw new UserInputException("--type must be rsa or ed25519, not " + type + ".");
            };
            try {
                DkimKeys.GeneratedKey g = new DkimKeyStore(root().dataDirectory()).generate(domain, selector, t);
                out().println("Wrote " + g.pemFile());
                out().println("Publish this TXT record, then run 'broadside dkim check " + domain + "':");
                out().println(g.recordName() + ". IN TXT " + DkimKeys.zoneFileValue(g.recordText()));
                return ExitCodes.OK;
            } catch (IOException | GeneralSecurityException e) {
                throw new UserInputException("Cannot generate the key: " + e.getMessage(), e);
            }
        }
    }

    /** Prints the record for the current key. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the selector and the TXT record of DOMAIN's signing key.")
    public static final class Show extends CommandSupport implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DOMAIN")
        String domain;

        @Override
        public Integer call() {
            DkimKey key = load(new DkimKeyStore(root().dataDirectory()), domain);
            out().println(key.recordName() + ". IN TXT " + DkimKeys.zoneFileValue(DkimKeys.recordText(key.publicKey())));
            return ExitCodes.OK;
        }
    }

    /** Compares the published record with the key. */
    @Command(name = "check", mixinStandardHelpOptions = true, description = "Compare the TXT record published in DNS with DOMAIN's signing key. Exit 1 when they differ.")
    public static final class Check extends CommandSupport implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DOMAIN")
        String domain;

        @Override
        public Integer call() {
            DkimKey key = load(new DkimKeyStore(root().dataDirectory()), domain);
            DkimRecordCheck.Result r = DkimRecordCheck.compare(DnsjavaLookup.system(), key.domain(), key.selector(), key.publicKey());
            out().println(r.verdict() + ": " + r.detail());
            return r.verdict() == DkimRecordCheck.Verdict.MATCHES ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
    }

    static DkimKey load(DkimKeyStore store, String domain) {
        try {
            return store.find(domain).orElseThrow(() -> new UserInputException(
                    "There is no DKIM key for " + domain + "; create one with 'broadside dkim generate " + domain + " --selector NAME'."));
        } catch (IOException | GeneralSecurityException e) {
            throw new UserInputException("The DKIM key of " + domain + " cannot be read: " + e.getMessage(), e);
        }
    }
}
