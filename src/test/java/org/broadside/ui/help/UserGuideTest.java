package org.broadside.ui.help;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.broadside.accounts.InMemoryCredentialStore;
import org.broadside.ui.AppServices;
import org.broadside.ui.AppWindows;
import org.broadside.ui.common.FxBackgroundRunner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide opens, its contents lead somewhere, and every menu item and shortcut it names is the app's own. */
@ExtendWith(ApplicationExtension.class)
class UserGuideTest {
    private AppServices services;
    private AppWindows windows;

    @Start
    void start(Stage ignored) throws Exception {
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "user-guide");
        services = new AppServices(home, new FxBackgroundRunner(), InMemoryCredentialStore::new);
        windows = new AppWindows(services);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            List.copyOf(windows.documents()).forEach(w -> w.stage().close());
            List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof Stage).forEach(w -> ((Stage) w).close());
        });
        services.close();
    }

    @Test
    void helpUserGuideOpensTheGuide(FxRobot robot) throws Exception {
        robot.interact(windows::newDocument);
        robot.clickOn("Help").clickOn("User guide");

        WebView web = robot.lookup("#guideWeb").queryAs(WebView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Broadside user guide".equals(web.getEngine().getTitle()));
    }

    @Test
    void everyEntryOfTheContentsHasItsSection() throws Exception {
        Document guide = guide();
        List<Element> links = guide.select("nav.toc a[href^=#]");
        assertThat(links).hasSizeGreaterThan(15);
        for (Element a : links) {
            assertThat(guide.getElementById(a.attr("href").substring(1))).as("section for %s", a.text()).isNotNull();
        }
        for (Element a : guide.select("a[href^=#]")) {
            assertThat(guide.getElementById(a.attr("href").substring(1))).as("anchor %s", a.attr("href")).isNotNull();
        }
    }

    @Test
    void everyMenuItemAndShortcutTheGuideNamesIsInTheAppsMenus(FxRobot robot) throws Exception {
        robot.interact(windows::newDocument);
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        Map<String, MenuItem> items = new HashMap<>();
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (i.getText() != null) items.put(plain(m.getText()) + " > " + plain(i.getText()), i);
            }
        }
        Document guide = guide();
        List<Element> menus = guide.select(".menu");
        assertThat(menus).hasSizeGreaterThan(20);
        for (Element e : menus) {
            assertThat(items).as("the guide names the menu item \"%s\"", e.text()).containsKey(e.text());
        }
        for (Element k : guide.select("kbd[data-menu]")) {
            MenuItem item = items.get(k.attr("data-menu"));
            assertThat(item).as("the guide's shortcut for %s", k.attr("data-menu")).isNotNull();
            assertThat(item.getAccelerator().getDisplayText()).as("shortcut of %s", k.attr("data-menu")).isEqualTo(k.text());
        }
    }

    @Test
    void aWebLinkGoesToTheBrowserAndTheGuideStays(FxRobot robot) throws Exception {
        List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        UserGuideView[] view = new UserGuideView[1];
        robot.interact(() -> {
            Stage s = new Stage();
            view[0] = new UserGuideView(false, opened::add);
            s.setScene(new javafx.scene.Scene(view[0], 800, 600));
            s.show();
        });
        var engine = view[0].engine();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Broadside user guide".equals(engine.getTitle()));

        robot.interact(() -> engine.executeScript("document.querySelector('a[href^=\"https:\"]').click()"));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> opened.size() == 1);
        assertThat(opened).containsExactly("https://support.google.com/a/answer/81126");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> engine.getLocation().endsWith("guide.html")
                && "Broadside user guide".equals(engine.getTitle()));
    }

    @Test
    void theGuideFollowsTheAppsDarkTheme(FxRobot robot) throws Exception {
        UserGuideView[] view = new UserGuideView[1];
        robot.interact(() -> {
            Stage s = new Stage();
            view[0] = new UserGuideView(true, url -> { });
            s.setScene(new javafx.scene.Scene(view[0], 800, 600));
            s.show();
        });
        var engine = view[0].engine();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Broadside user guide".equals(engine.getTitle()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> engine.executeScript("document.body.className")).get()).isEqualTo("dark");

        robot.interact(() -> view[0].setDark(false));

        assertThat(WaitForAsyncUtils.asyncFx(() -> engine.executeScript("document.body.className")).get()).isEqualTo("light");
    }

    private static String plain(String menuText) {
        return menuText.replace("_", "");
    }

    private static Document guide() throws Exception {
        try (InputStream in = UserGuide.page().openStream()) {
            return Jsoup.parse(in, "UTF-8", "");
        }
    }
}
