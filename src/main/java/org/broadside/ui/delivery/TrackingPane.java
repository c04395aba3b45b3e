package org.broadside.ui.delivery;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.broadside.unsubscribe.TrackingRepository;

/**
 * The Delivery panel's tracking, for a campaign that asks for it: "Opened by 120 recipients (180 opens) · Clicked
 * by 40 (55 clicks)" and a table of clicks per link. Shown only for tracked campaigns; opens are a rough count
 * (docs/server.md says why), and the line says so.
 */
final class TrackingPane {
    private TrackingPane() {}

    static VBox of(DeliveryViewModel vm) {
        Label totals = new Label();
        totals.setId("trackingTotals");
        totals.textProperty().bind(vm.trackingProperty().map(TrackingPane::describe).orElse(""));
        TableView<TrackingRepository.LinkClicks> links = new TableView<>(vm.linkClicks());
        links.setId("linkClicks");
        links.setPlaceholder(new Label("No clicks yet."));
        links.setPrefHeight(140);
        TableColumn<TrackingRepository.LinkClicks, String> url = new TableColumn<>("Link");
        url.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().url()));
        url.setPrefWidth(420);
        TableColumn<TrackingRepository.LinkClicks, Long> clicks = new TableColumn<>("Clicks");
        clicks.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().clicks()));
        TableColumn<TrackingRepository.LinkClicks, Long> people = new TableColumn<>("Recipients");
        people.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().recipients()));
        links.getColumns().add(url);
        links.getColumns().add(clicks);
        links.getColumns().add(people);
        VBox box = new VBox(4, totals, links);
        box.setId("tracking");
        box.visibleProperty().bind(vm.trackingProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    static String describe(TrackingRepository.Totals t) {
        return String.format("Opened by %,d recipients (%,d opens; a rough count: images may be blocked or preloaded) · Clicked by %,d (%,d clicks)",
                t.openers(), t.opens(), t.clickers(), t.clicks());
    }
}
