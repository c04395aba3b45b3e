package org.broadside.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The words of a form's line sit on its fields' line ("Blacklist after [3] in a row" had its words a few pixels up). */
@ExtendWith(ApplicationExtension.class)
class FormFieldsRowTest {
    // Made in start(): controls need the toolkit, which TestFX starts only then (first in a JVM, this test failed).
    private Label before;
    private TextField field;
    private Label after;

    @Start
    void start(Stage stage) {
        before = new Label("Blacklist after");
        field = new TextField("3");
        after = new Label("in a row");
        // A window of ordinary size: TestFX hands the same stage to the next test, which may not size it itself.
        stage.setScene(new Scene(FormFields.row(6, before, field, after), 800, 600));
        stage.setWidth(800);
        stage.setHeight(600);
        stage.show();
    }

    @Test
    void theWordsAreCentredOnTheFieldsLine(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double line = middle(field);
        assertThat(middle(before)).isCloseTo(line, org.assertj.core.data.Offset.offset(1.0));
        assertThat(middle(after)).isCloseTo(line, org.assertj.core.data.Offset.offset(1.0));
    }

    private static double middle(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return (b.getMinY() + b.getMaxY()) / 2;
    }
}
