package org.broadside.ui.shell;

import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WindowPlacementTest {
    private static final ScreenArea LAPTOP = new ScreenArea(0, 0, 1280, 800);
    private static final ScreenArea RIGHT_MONITOR = new ScreenArea(1280, 0, 1920, 1080);

    @Test
    void theLayoutKeyNamesTheScreensFromLeftToRight() {
        assertThat(ScreenArea.layoutKey(List.of(LAPTOP))).isEqualTo("1280x800");
        assertThat(ScreenArea.layoutKey(List.of(RIGHT_MONITOR, LAPTOP))).isEqualTo("1280x800+1920x1080");
        assertThat(ScreenArea.layoutKey(List.of(new ScreenArea(-1280, 0, 1280, 1024), new ScreenArea(0, 0, 1920, 1080))))
                .isEqualTo("1280x1024+1920x1080");
    }

    /** A second campaign window ran off the bottom of a laptop screen, its status bar out of reach. */
    @Test
    void aCascadedWindowStaysOnItsScreen() {
        ScreenArea first = new ScreenArea(50, 20, 1180, 760);
        ScreenArea second = first.cascadedWithin(LAPTOP, 30);
        assertThat(second).as("the first's margins kept").isEqualTo(new ScreenArea(80, 50, 1160, 730));
        ScreenArea small = new ScreenArea(100, 100, 600, 400).cascadedWithin(LAPTOP, 30);
        assertThat(small).as("room enough: only moved").isEqualTo(new ScreenArea(130, 130, 600, 400));
        assertThat(first.cascadedWithin(LAPTOP, 300)).as("smaller, still on the screen").isEqualTo(new ScreenArea(350, 320, 890, 460));
        ScreenArea tenth = first.cascadedWithin(LAPTOP, 450);
        assertThat(tenth).as("less than half the screen left: back to the top left").isEqualTo(new ScreenArea(0, 0, 1180, 760));
        ScreenArea onTheRight = new ScreenArea(1300, 10, 1800, 1000).cascadedWithin(RIGHT_MONITOR, 60);
        assertThat(onTheRight).isEqualTo(new ScreenArea(1360, 70, 1800, 970));
    }

    @Test
    void aWindowOnAScreenIsVisible() {
        assertThat(placement(100, 50, 900, 600).isVisibleOn(List.of(LAPTOP))).isTrue();
        assertThat(placement(1500, 100, 900, 600).isVisibleOn(List.of(LAPTOP, RIGHT_MONITOR))).isTrue();
    }

    @Test
    void aWindowLeftOnAMonitorThatIsGoneIsNotVisible() {
        assertThat(placement(1500, 100, 900, 600).isVisibleOn(List.of(LAPTOP))).isFalse();
    }

    @Test
    void aWindowWhoseTitleBarIsAboveTheScreenOrBarelyOnItIsNotVisible() {
        assertThat(placement(100, -400, 900, 600).isVisibleOn(List.of(LAPTOP))).isFalse();
        assertThat(placement(1230, 100, 900, 600).isVisibleOn(List.of(LAPTOP))).isFalse(); // 50 px of it: too little to grab
    }

    @Test
    void aPlacementSurvivesFormatAndParse() {
        WindowPlacement p = new WindowPlacement(new ScreenArea(-1200, 35, 1024, 640), true);
        assertThat(WindowPlacement.parse(p.format())).contains(p);
        assertThat(p.format()).isEqualTo("-1200,35,1024,640,maximized");
    }

    @Test
    void aDamagedLineIsNoPlacement() {
        assertThat(WindowPlacement.parse("100,50,abc,600,normal")).isEmpty();
        assertThat(WindowPlacement.parse("100,50,900,600")).isEmpty();
        assertThat(WindowPlacement.parse("100,50,0,600,normal")).isEmpty();
        assertThat(WindowPlacement.parse(null)).isEmpty();
    }

    @Test
    void placementsAreKeptPerLayoutInTheFile() {
        Path file = TempDirs.create("windows").resolve("windows.properties");
        WindowPlacements saved = WindowPlacements.load(file);
        saved.put("1280x800", "accounts", placement(10, 20, 900, 600));
        saved.put("1280x800+1920x1080", "accounts", placement(1400, 20, 1200, 900));

        WindowPlacements read = WindowPlacements.load(file);
        assertThat(read.find("1280x800", "accounts")).contains(placement(10, 20, 900, 600));
        assertThat(read.find("1280x800+1920x1080", "accounts")).contains(placement(1400, 20, 1200, 900));
        assertThat(read.find("1920x1080", "accounts")).isEmpty();
    }

    @Test
    void theDefaultSizesFitAndAreCentredOnTheScreen() {
        ScreenArea visual = new ScreenArea(0, 0, 1600, 1000);
        assertThat(WindowMemory.DefaultSize.shareOfScreen(0.8).on(visual)).isEqualTo(new ScreenArea(160, 100, 1280, 800));
        assertThat(WindowMemory.DefaultSize.shareOfScreen(0.8, 1180, 760).on(visual)).isEqualTo(new ScreenArea(160, 100, 1280, 800));
        ScreenArea small = new ScreenArea(0, 25, 1280, 775);
        ScreenArea document = WindowMemory.DefaultSize.shareOfScreen(0.8, 1180, 760).on(small);
        assertThat(document.width()).isEqualTo(1180);
        assertThat(document.height()).isEqualTo(775 * 0.95);
        ScreenArea accounts = WindowMemory.DefaultSize.fixed(1000, 800).on(small);
        assertThat(accounts.height()).isLessThan(775);
        assertThat(accounts.y()).isGreaterThan(25);
        assertThat(accounts.x()).isEqualTo(140);
    }

    private static WindowPlacement placement(double x, double y, double w, double h) {
        return new WindowPlacement(new ScreenArea(x, y, w, h), false);
    }
}
