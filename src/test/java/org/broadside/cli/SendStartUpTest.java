package org.broadside.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SendStartUpTest {
    /** A renamed or removed class of Broadside means the list is stale: run bench/send-classes.sh again. */
    @Test
    void everyListedClassOfBroadsideStillExists() {
        List<String> ours = SendStartUp.classNames().stream().filter(n -> n.startsWith("org.broadside.")).toList();
        assertThat(ours).as("Broadside's classes in " + SendStartUp.CLASS_LIST).hasSizeGreaterThan(100);
        ClassLoader loader = SendStartUp.class.getClassLoader();
        assertThat(ours).allSatisfy(name -> assertThat(loader.getResource(name.replace('.', '/') + ".class"))
                .as(name + " (listed in " + SendStartUp.CLASS_LIST + "; run bench/send-classes.sh)").isNotNull());
    }

    /** The list is for a send on the command line: the desktop app's classes would only cost time there. */
    @Test
    void theListNamesNoDesktopClass() {
        assertThat(SendStartUp.classNames()).noneMatch(n -> n.startsWith("javafx.") || n.startsWith("org.broadside.ui."));
    }

    @Test
    void onlyASendGetsTheHeadStart() {
        assertThat(BroadsideCommand.commandsFor("--data", "d", "send", "c.json")).containsExactly(SendCommand.class);
        assertThat(BroadsideCommand.commandsFor("--data", "d", "list", "list")).doesNotContain(SendCommand.class);
    }
}
