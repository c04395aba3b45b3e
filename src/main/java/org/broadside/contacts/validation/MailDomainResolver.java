package org.broadside.contacts.validation;

/** Looks up whether a domain can receive mail. Replaceable so tests use a fake instead of the Internet. */
@FunctionalInterface
public interface MailDomainResolver {
    /** @param asciiDomain lower-case, internationalised domains already in punycode; must not throw */
    MailDomainStatus lookup(String asciiDomain);
}
