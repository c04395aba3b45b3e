package org.broadside.ui.delivery;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.broadside.ui.common.FxTicker;
import org.broadside.ui.common.Icons;
import org.broadside.ui.common.Lifecycle;
import org.broadside.ui.common.Ticker;

/**
 * Send, Pause, Resume and Stop with the delivery status, for the document window's every tab: the same view model as
 * the Delivery panel. It also drives the view model's ticks, so a send watched from the Message tab stays current.
 */
public final class DeliveryControls extends HBox {
    private final Ticker ticker = new FxTicker(100);
    private static final javafx.scene.input.KeyCombination SEND_KEY = javafx.scene.input.KeyCombination.keyCombination("Shortcut+Enter");
    private Runnable showDelivery = () -> { };

    public DeliveryControls(DeliveryViewModel vm) {
        super(6);
        setId("deliveryControls");
        setAlignment(Pos.CENTER_RIGHT);
        setPadding(new Insets(2, 8, 2, 8));
        Label status = new Label();
        status.setId("controlsStatus");
        // As under the Delivery tab's banner: when the banner says why, the strip keeps the status's first words
        // ("Paused"), which fit, and Details… leads to the rest; the tooltip has the whole status.
        status.textProperty().bind(DeliveryView.statusLine(vm));
        status.setMaxWidth(320);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.statusProperty());
        status.setTooltip(tip);
        Hyperlink details = new Hyperlink("Details…");
        details.setId("controlsDetails");
        details.visibleProperty().bind(vm.bannerProperty().isNotNull());
        details.managedProperty().bind(details.visibleProperty());
        details.setOnAction(e -> showDelivery.run());
        Button send = button("controlsSend", "Send", Icons.send());
        send.setOnAction(e -> vm.send());
        send.disableProperty().bind(vm.canSendProperty().not());
        Button pause = button("controlsPause", "Pause", Icons.pause());
        pause.setOnAction(e -> vm.pause());
        pause.disableProperty().bind(vm.canPauseProperty().not());
        Button resume = button("controlsResume", "Resume", Icons.resume());
        resume.setOnAction(e -> vm.resume());
        resume.disableProperty().bind(vm.canResumeProperty().not());
        Button stop = button("controlsStop", "Stop", Icons.stop());
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.canStopProperty().not());
        getChildren().addAll(status, details, send, pause, resume, stop);
        send.setTooltip(new Tooltip("Send the campaign (" + SEND_KEY.getDisplayText() + ")"));
        // The keyboard way to Send, from any tab: the window's accelerator fires the same button, so it answers
        // (or is disabled) exactly as a click would.
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) old.getAccelerators().remove(SEND_KEY);
            if (scene != null) scene.getAccelerators().put(SEND_KEY, () -> {
                if (!send.isDisabled()) send.fire();
            });
        });
        Lifecycle.whileShowing(this, () -> ticker.start(vm::tick), ticker::stop);
    }

    /** What "Details…" does: the shell shows the Delivery tab, where the banner explains. */
    public void setOnShowDelivery(Runnable showDelivery) { this.showDelivery = showDelivery; }

    private static Button button(String id, String text, javafx.scene.Node icon) {
        Button b = new Button(text, icon);
        b.setId(id);
        b.setFocusTraversable(true);
        return b;
    }
}
