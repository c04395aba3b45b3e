package org.broadside;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class SmokeTest {
    @Test
    void launcherClassLoads() { assertNotNull(Launcher.class.getName()); }
}
