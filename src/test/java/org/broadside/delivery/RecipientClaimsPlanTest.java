package org.broadside.delivery;

import org.broadside.store.Database;
import org.broadside.testing.StoreBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team campaign's claims walk its recipients by id from where the run left off, right after the freeze: planned on
 * the statistics of the table before the freeze, each claim read every pending recipient of the campaign (a bitmap
 * scan of its states, then a sort), which made a claim cost grow with the campaign and put a team send of 20,000 at a
 * quarter of its speed.
 */
class RecipientClaimsPlanTest {
    private Database db;

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    @Test
    void aClaimAfterAFreezeWalksTheIdsInsteadOfReadingEveryPendingRecipient() {
        String[] emails = new String[20_000];
        for (int i = 0; i < emails.length; i++) emails[i] = "r" + i + "@example.org";
        EngineFixture f = new EngineFixture(StoreBackend.POSTGRES).frozenTo(emails);
        db = f.db;
        long campaignId = f.campaign.id();

        List<String> plan = db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("EXPLAIN " + RecipientClaims.claimSql(false))) {
                p.setLong(1, 1);
                p.setLong(2, 10_000);
                p.setLong(3, Long.MAX_VALUE);
                p.setLong(4, campaignId);
                p.setLong(5, 0);
                p.setLong(6, 0);
                p.setInt(7, 24);
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) lines.add(rs.getString(1));
                }
                return lines;
            }
        });

        String text = String.join("\n", plan);
        assertThat(text).as("the claim's plan:\n%s", text)
                .contains("Index Scan using recipients_pkey on recipients recipients_1")
                .doesNotContain("Bitmap Heap Scan on recipients")
                .doesNotContain("Sort");
    }
}
