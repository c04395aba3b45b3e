package org.broadside.cli;

import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.validation.DnsMailDomainResolver;
import org.broadside.contacts.validation.DomainChecker;
import org.broadside.contacts.validation.ListValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.concurrent.Callable;

/** "broadside list validate LIST [--mx]": flags invalid, role and disposable addresses, and domains without mail. */
@Command(name = "validate", description = "Check addresses: syntax, role, disposable, and with --mx the domain's MX or A record.",
        mixinStandardHelpOptions = true)
public final class ListValidateCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LIST")
    String list;

    @Option(names = "--mx", description = "Also check that each domain has an MX or A record (DNS).")
    boolean mx;

    @Option(names = "--remove", description = "Delete contacts with an invalid address or a domain that receives no mail.")
    boolean remove;

    @Option(names = "--dns-timeout", paramLabel = "SECONDS", defaultValue = "5")
    int dnsTimeout;

    @Option(names = "--dns-concurrency", paramLabel = "N", defaultValue = "8")
    int dnsConcurrency;

    @Override
    public Integer call() {
        ContactRepository repo = new ContactRepository(database());
        ContactList l = ListCommands.requireList(repo, list);
        DomainChecker domains = mx ? new DomainChecker(new DnsMailDomainResolver(Duration.ofSeconds(dnsTimeout)), dnsConcurrency) : null;
        var report = new ListValidator(repo, domains).validate(l.id(), remove);
        out().printf("Validated \"%s\"%s%n", l.name(), mx ? " (with DNS)" : "");
        out().print(report.format());
        out().flush();
        return ExitCodes.OK;
    }
}
