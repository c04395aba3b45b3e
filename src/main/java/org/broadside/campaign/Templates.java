package org.broadside.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Campaign templates: three built-ins (newsletter, announcement, plain letter) and the user's own, kept as campaign
 * documents in {@code <data>/templates/*.json}. A template is a campaign without an id: sending state belongs to
 * campaigns, never to templates.
 */
public final class Templates {
    /** Longer names make unwieldy file names and do not fit the list. */
    static final int MAX_NAME = 80;
    private static final String RESOURCES = "/org/broadside/campaign/templates/";
    private final Path folder;

    public Templates(Path dataDirectory) {
        this.folder = dataDirectory.resolve("templates");
    }

    /** The built-ins first, then the user's templates by name; a file that cannot be read is left out. */
    public List<Template> list() throws IOException {
        List<Template> out = new ArrayList<>(builtIns());
        out.addAll(own());
        return out;
    }

    public List<Template> own() throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        List<Template> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    Campaign c = CampaignFiles.read(f).campaign();
                    out.add(new Template(c.name() == null || c.name().isBlank() ? stem(f) : c.name(), c, f));
                } catch (CampaignFormatException e) {
                    // A broken file in the folder is not a template; the others still are.
                }
            }
        }
        out.sort(Comparator.comparing(t -> t.name().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** The user's template of this name, if any (names are compared without regard to case). */
    public Optional<Template> find(String name) throws IOException {
        return own().stream().filter(t -> t.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /**
     * Saves a campaign as a template under {@code name}, replacing the user's template of that name: the id is left
     * out, the rest (message, list, accounts, settings) kept. Attachments keep their paths as the campaign had them.
     */
    public Template save(String name, Campaign campaign) throws IOException {
        String n = checkName(name);
        Optional<Template> existing = find(n);
        Path file = existing.map(Template::file).orElseGet(() -> freeFile(n));
        Campaign c = campaign.withId(null).withName(n);
        CampaignFiles.write(c, file);
        return new Template(n, c, file);
    }

    /** Deletes one of the user's templates; a built-in cannot be deleted. */
    public void delete(Template t) throws IOException {
        if (t.builtIn()) throw new IllegalArgumentException("The built-in template \"" + t.name() + "\" cannot be deleted.");
        Files.deleteIfExists(t.file());
    }

    /** A new campaign from a template: a fresh id, named after the template. */
    public static Campaign newCampaign(Template t, String id) {
        return t.campaign().withId(id);
    }

    /** The built-in templates: complete campaigns that pass the pre-send check once an account, list and unsubscribe method are set. */
    public static List<Template> builtIns() {
        return List.of(
                builtIn("Newsletter", "newsletter", "[First Name|Hello], our news for this month"),
                builtIn("Announcement", "announcement", "Something new for you, [First Name|friend]"),
                builtIn("Plain letter", "plain-letter", "A letter from Your Organisation"));
    }

    private static Template builtIn(String name, String resource, String subject) {
        Campaign c = Campaign.blank(null, name).withMessage("Your Name <you@example.com>", null, subject,
                resource(resource + ".txt"), resource(resource + ".html"));
        return new Template(name, c, null);
    }

    private static String resource(String name) {
        try (InputStream in = Templates.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) throw new IllegalStateException("The built-in template " + name + " is missing from the application");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw new IllegalArgumentException("Give the template a name.");
        if (n.length() > MAX_NAME) throw new IllegalArgumentException("The template name is " + n.length() + " characters long; keep it under " + MAX_NAME + ".");
        return n;
    }

    /** A file name from the template name, without the characters file systems refuse, not yet taken. */
    private Path freeFile(String name) {
        String base = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").replaceAll("^\\.+", "_");
        Path f = folder.resolve(base + ".json");
        for (int i = 2; Files.exists(f); i++) f = folder.resolve(base + " (" + i + ").json");
        return f;
    }

    private static String stem(Path f) {
        return f.getFileName().toString().replaceFirst("\\.json$", "");
    }
}
