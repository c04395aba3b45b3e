package org.broadside.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A campaign together with the file it came from: resolves relative paths and gives the campaign its identity. */
public record CampaignDocument(Campaign campaign, Path file) {

    /** The folder that relative paths in the document are resolved against. */
    public Path folder() {
        Path parent = fileFolder();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** The folder of the document's file, or null while it has none (where its exports open; not the working folder). */
    public Path fileFolder() {
        return file == null ? null : file.toAbsolutePath().getParent();
    }

    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : folder().resolve(p).normalize();
    }

    /**
     * The identity used for the campaign's recipient states and Message-IDs: the document's id, or, for a
     * hand-written document without one, a digest of its absolute path (so moving such a file starts afresh).
     */
    public String uid() {
        if (campaign.id() != null && !campaign.id().isBlank()) return campaign.id();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(
                    file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return "path-" + HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain text body: inline text, or the contents of textFile. */
    public String textBody() throws IOException {
        if (campaign.textFile() != null && !campaign.textFile().isBlank()) return Files.readString(resolve(campaign.textFile()), StandardCharsets.UTF_8);
        return campaign.text();
    }

    /** The HTML body: inline html, or the contents of htmlFile. */
    public String htmlBody() throws IOException {
        if (campaign.htmlFile() != null && !campaign.htmlFile().isBlank()) return Files.readString(resolve(campaign.htmlFile()), StandardCharsets.UTF_8);
        return campaign.html();
    }

    public String displayName() {
        if (campaign.name() != null && !campaign.name().isBlank()) return campaign.name();
        return file == null ? "Untitled" : file.getFileName().toString().replaceFirst("\\.json$", "");
    }
}
