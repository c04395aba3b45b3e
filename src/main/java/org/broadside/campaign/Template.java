package org.broadside.campaign;

import java.nio.file.Path;

/**
 * A campaign to start from: one of the built-ins or one the user saved. {@code file} is null for a built-in.
 * The campaign has no id; {@link Templates#newCampaign} gives each campaign made from it its own.
 */
public record Template(String name, Campaign campaign, Path file) {
    public boolean builtIn() { return file == null; }
}
