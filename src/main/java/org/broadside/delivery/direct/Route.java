package org.broadside.delivery.direct;

import java.util.List;

/**
 * Where mail for one domain goes: targets in the order to try, or why it cannot go anywhere.
 * {@code permanent} failures (null MX, no such domain, only refused targets) fail recipients; others defer them.
 */
public record Route(String domain, List<Target> targets, String problem, boolean permanent) {
    public Route {
        targets = List.copyOf(targets);
    }

    static Route to(String domain, List<Target> targets) {
        return new Route(domain, targets, null, false);
    }

    static Route failed(String domain, String problem, boolean permanent) {
        return new Route(domain, List.of(), problem, permanent);
    }

    public boolean deliverable() {
        return problem == null;
    }
}
