package org.broadside.ui.delivery;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The Delivery panel's banner: the view model's current Banner as coloured text with one button per way forward. */
final class BannerView extends HBox {
    private final Label text = new Label();

    BannerView(DeliveryViewModel vm) {
        super(10);
        setId("deliveryBanner");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 10, 8, 10));
        text.setId("deliveryBannerText");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        vm.bannerProperty().addListener((o, was, now) -> show(vm, now));
        show(vm, vm.bannerProperty().get());
    }

    private void show(DeliveryViewModel vm, Banner b) {
        setVisible(b != null);
        setManaged(b != null);
        if (b == null) return;
        text.setText(b.text());
        // Literal colours: readable in the light and dark themes, and the shared stylesheet stays untouched.
        setStyle(switch (b.severity()) {
            case ERROR -> "-fx-background-color: #fde2e1; -fx-border-color: #cf222e;";
            case WARNING -> "-fx-background-color: #fff4d5; -fx-border-color: #bf8700;";
            case INFO -> "-fx-background-color: #ddf4ff; -fx-border-color: #0969da;";
        });
        text.setStyle("-fx-text-fill: #1f2328;");
        getChildren().setAll(text);
        for (Banner.Action a : b.actions()) {
            Button button = new Button(a.label());
            button.setId("banner-" + a.name());
            button.setMinWidth(Button.USE_PREF_SIZE);
            button.setOnAction(e -> vm.act(a));
            getChildren().add(button);
        }
    }
}
