package org.broadside.contacts.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throw-away mailbox services: addresses that stop existing within hours, so mail to them is wasted. The list is the
 * published list shipped with Broadside (or a newer one the user installed into the data directory), plus the user's
 * own additions and exceptions in {@value #USER_FILE} there (ADR 0013). A subdomain of a listed domain is disposable
 * too (x.mailinator.com); an exception for a name wins over a listing of its parent.
 */
public final class DisposableDomains {
    /** The user's additions ("domain") and exceptions ("!domain"), in the data directory. */
    public static final String USER_FILE = "disposable-domains.txt";
    /** A list installed with {@link #install}, in the data directory; it replaces the shipped one. */
    public static final String INSTALLED_LIST = "disposable-list.txt";
    private static final Logger LOG = LoggerFactory.getLogger(DisposableDomains.class);

    private final Set<String> listed;
    private final Set<String> added;
    private final Set<String> exceptions;

    private DisposableDomains(Set<String> listed, Set<String> added, Set<String> exceptions) {
        this.listed = listed;
        this.added = added;
        this.exceptions = exceptions;
    }

    /** The list shipped with Broadside, read once on first use. */
    public static DisposableDomains bundled() {
        return Bundled.LIST;
    }

    /** True for a domain of the shipped list or a subdomain of one (asciiDomain in lower-case punycode). */
    public static boolean isDisposable(String asciiDomain) {
        return bundled().contains(asciiDomain);
    }

    /**
     * The list in force for a data directory: an installed list or the shipped one, with the user's file applied. A
     * damaged user file or installed list is logged and left out rather than stopping a validation.
     */
    public static DisposableDomains forDataDirectory(Path dataDirectory) {
        Set<String> listed = bundled().listed;
        Path installed = dataDirectory.resolve(INSTALLED_LIST);
        if (Files.isRegularFile(installed)) {
            try {
                listed = readFile(installed, false).domains();
            } catch (DisposableListException e) {
                LOG.warn("Ignoring the installed disposable-domain list; using the one shipped with Broadside: {}", e.getMessage());
            }
        }
        Path user = dataDirectory.resolve(USER_FILE);
        if (Files.isRegularFile(user)) {
            try {
                var own = readFile(user, true);
                return new DisposableDomains(listed, own.domains(), own.exceptions());
            } catch (DisposableListException e) {
                LOG.warn("Ignoring {}: {}", user, e.getMessage());
            }
        }
        return new DisposableDomains(listed, Set.of(), Set.of());
    }

    /**
     * Checks a list file and installs it as the data directory's {@value #INSTALLED_LIST}, replacing the shipped list
     * (and any earlier installed one) from the next validation on. Nothing changes when the file is refused.
     *
     * @return the number of domains installed
     */
    public static int install(Path source, Path dataDirectory) throws DisposableListException {
        DisposableListFile.Entries entries = readFile(source, false);
        if (entries.domains().isEmpty()) {
            throw new DisposableListException(source + " lists no domain; the installed list was left as it was");
        }
        try {
            Files.createDirectories(dataDirectory);
            Path tmp = Files.createTempFile(dataDirectory, INSTALLED_LIST, ".tmp");
            String header = "# Installed by 'broadside list disposable-update' on " + LocalDate.now() + " from " + source
                    + System.lineSeparator();
            // Written one domain a line whatever the source's format (text or the npm package's JSON array).
            Files.writeString(tmp, header + String.join(System.lineSeparator(),
                    new java.util.TreeSet<>(entries.domains())) + System.lineSeparator());
            Files.move(tmp, dataDirectory.resolve(INSTALLED_LIST), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DisposableListException("could not write " + dataDirectory.resolve(INSTALLED_LIST) + ": " + e.getMessage(), e);
        }
        return entries.domains().size();
    }

    /** True for a listed or added domain, or a subdomain of one, unless the nearest named level is an exception. */
    public boolean contains(String asciiDomain) {
        String d = asciiDomain;
        while (true) {
            if (exceptions.contains(d)) return false;
            if (listed.contains(d) || added.contains(d)) return true;
            int dot = d.indexOf('.');
            if (dot < 0 || d.indexOf('.', dot + 1) < 0) return false;
            d = d.substring(dot + 1);
        }
    }

    /** Domains listed, the user's additions included. */
    public int size() {
        return listed.size() + (int) added.stream().filter(d -> !listed.contains(d)).count();
    }

    private static DisposableListFile.Entries readFile(Path file, boolean allowExceptions) throws DisposableListException {
        try (InputStream in = Files.newInputStream(file)) {
            return DisposableListFile.read(in, file.toString(), allowExceptions);
        } catch (IOException e) {
            throw new DisposableListException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Holder: the shipped list is parsed on first use only, once per process. */
    private static final class Bundled {
        static final DisposableDomains LIST = load();

        private static DisposableDomains load() {
            try (InputStream in = DisposableDomains.class.getResourceAsStream(INSTALLED_LIST)) {
                if (in == null) {
                    throw new IllegalStateException("the disposable-domain list is missing from this build of Broadside");
                }
                return new DisposableDomains(Set.copyOf(DisposableListFile.read(in, INSTALLED_LIST, false).domains()),
                        Set.of(), Set.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DisposableListException e) {
                throw new IllegalStateException("the disposable-domain list of this build is damaged: " + e.getMessage(), e);
            }
        }
    }
}
