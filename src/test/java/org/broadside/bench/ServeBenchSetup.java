package org.broadside.bench;

import org.broadside.delivery.CampaignRepository;
import org.broadside.store.Database;
import org.broadside.unsubscribe.RecipientToken;
import org.broadside.unsubscribe.RecipientTokens;
import org.broadside.unsubscribe.ServerSecret;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;

/**
 * For bench/serve.sh: a data directory with a server key and a sent campaign of N recipients (a shared store, so the
 * server applies every unsubscribe by the bounce rules too), and a file with one one-click path per recipient.
 * With a fourth argument, also a file of click paths (one tracked link per recipient).
 * Usage: ServeBenchSetup DATA_DIR N PATHS_FILE [CLICK_PATHS_FILE]
 */
public final class ServeBenchSetup {
    private ServeBenchSetup() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Database db = Database.open(dir);
        ServerSecret secret = ServerSecret.load(dir).orElseGet(() -> {
            try {
                return ServerSecret.create(dir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long campaign = new CampaignRepository(db).findOrCreate("bench-serve", "Bench news", null).id();
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO recipients(campaign_id, seq, email, state, message_id, updated_at) "
                    + "VALUES (?,?,?,'SENT',?,?)")) {
                for (int i = 1; i <= n; i++) {
                    p.setLong(1, campaign);
                    p.setLong(2, i);
                    p.setString(3, "r" + i + "@bench.example");
                    p.setString(4, "<" + i + ".bench@bench.example>");
                    p.setLong(5, System.currentTimeMillis());
                    p.addBatch();
                    if (i % 10_000 == 0) p.executeBatch();
                }
                p.executeBatch();
            }
            return null;
        });
        RecipientTokens tokens = new RecipientTokens(secret);
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.US_ASCII)) {
            for (int i = 1; i <= n; i++) w.write("/u/" + tokens.seal(new RecipientToken("bench-serve", "r" + i + "@bench.example", null)) + "\n");
        }
        if (args.length > 3) {
            try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.US_ASCII)) {
                for (int i = 1; i <= n; i++) {
                    w.write("/c/" + tokens.sealLink(new RecipientToken("bench-serve", "r" + i + "@bench.example", null), 1 + i % 3,
                            "https://shop.example/offer/" + (i % 3) + "?utm_source=news") + "\n");
                }
            }
        }
    }
}
