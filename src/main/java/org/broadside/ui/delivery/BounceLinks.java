package org.broadside.ui.delivery;

import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.broadside.bounces.BounceCounts;
import org.broadside.bounces.BounceKind;

import java.util.function.ToLongFunction;

/**
 * The Delivery panel's line "Bounces: Hard 3 · Soft 1 · Complaints 0 · Unsubscribes 2", once the campaign was sent.
 * Each count is a link to the bounces window showing this campaign's events of that kind.
 */
final class BounceLinks {
    private BounceLinks() {}

    static HBox of(DeliveryViewModel vm) {
        Label title = new Label("Found in the bounce mailboxes:");
        HBox row = new HBox(4, title,
                link(vm, "Hard bounces", BounceKind.HARD_BOUNCE, BounceCounts::hardBounces), new Label("·"),
                link(vm, "Soft bounces", BounceKind.SOFT_BOUNCE, BounceCounts::softBounces), new Label("·"),
                link(vm, "Complaints", BounceKind.COMPLAINT, BounceCounts::complaints), new Label("·"),
                link(vm, "Unsubscribes", BounceKind.UNSUBSCRIBE, BounceCounts::unsubscribes));
        row.setId("bounceCounts");
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(vm.bounceCountsProperty().isNotNull());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private static Hyperlink link(DeliveryViewModel vm, String words, BounceKind kind, ToLongFunction<BounceCounts> count) {
        Hyperlink l = new Hyperlink();
        l.setId("bounces-" + kind.name());
        l.textProperty().bind(vm.bounceCountsProperty().map(b -> String.format("%s %,d", words, count.applyAsLong(b))).orElse(""));
        l.setOnAction(e -> {
            vm.openBounces(kind);
            l.setVisited(false);
        });
        return l;
    }
}
