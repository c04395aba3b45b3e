package org.broadside.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = BroadsideCommand.class.getPackage().getImplementationVersion();
        return new String[] {"Broadside " + (v == null ? "development build" : v)};
    }
}
