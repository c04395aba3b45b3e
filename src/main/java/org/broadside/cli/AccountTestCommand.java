package org.broadside.cli;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountRepository;
import org.broadside.compose.AccountProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** Connects to an account's server, secures and logs in, and shows what the server said; sends nothing. */
@Command(name = "test", mixinStandardHelpOptions = true, description = "Connect, secure and log in to the account's server without sending; print the greeting, capabilities, TLS details, the login result and the transcript. Exit 1 when it fails.")
public final class AccountTestCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--ehlo", paramLabel = "DOMAIN", description = "Name to give in EHLO when the account sets none (default: the domain of the user name, else the server's domain).")
    String ehlo;

    @Override
    public Integer call() {
        Account a = new AccountRepository(database()).find(name)
                .orElseThrow(() -> new UserInputException("There is no account named \"" + name + "\"."));
        String ehloName = a.ehloName() != null ? a.ehloName() : ehlo != null ? ehlo : defaultEhlo(a);
        AccountProbe.Result r = AccountProbe.probe(a, credentials(), ehloName);
        var out = out();
        out.println("Server:        " + a.host() + ":" + a.port() + " (" + a.security().name().toLowerCase() + ")");
        if (r.greeting() != null) out.println("Greeting:      " + r.greeting());
        if (!r.capabilities().isEmpty()) out.println("Capabilities:  " + String.join(", ", r.capabilities()));
        if (r.tls() != null) {
            out.println("TLS:           " + r.tls().protocol() + ", " + r.tls().cipherSuite());
            out.println("Certificate:   " + r.tls().peerSubject() + " issued by " + r.tls().peerIssuer() + ", valid until " + r.tls().peerNotAfter());
            out.println("SHA-256:       " + r.tls().sha256Fingerprint());
        }
        if (r.rejectedCertificate() != null) {
            var c = r.rejectedCertificate();
            out.println("Certificate NOT trusted: " + c.reason());
            out.println("  subject " + c.subject() + ", issuer " + c.issuer());
            out.println("  SHA-256 " + c.sha256Fingerprint());
            out.println("  If you know this is your server's certificate, pin it: broadside account add " + a.name()
                    + " --host " + a.host() + " --port " + a.port() + " --security " + a.security().name().toLowerCase()
                    + " --pin-fingerprint " + c.sha256Fingerprint());
        }
        out.println("Login:         " + (r.ok() ? (r.authenticated() ? "accepted" : "not used (no authentication set)") : "-"));
        out.println("Transcript:");
        r.transcript().forEach(l -> out.println("  " + l));
        if (!r.ok()) {
            out.println("FAILED: " + r.problem());
            return ExitCodes.FINDINGS;
        }
        out.println("OK: the account can send.");
        return ExitCodes.OK;
    }

    private static String defaultEhlo(Account a) {
        if (a.username() != null && a.username().contains("@")) return a.username().substring(a.username().lastIndexOf('@') + 1);
        String host = a.host();
        int dot = host.indexOf('.');
        if (dot > 0 && !Character.isDigit(host.charAt(0)) && host.indexOf('.', dot + 1) > 0) return host.substring(dot + 1);
        return "broadside.invalid";
    }
}
