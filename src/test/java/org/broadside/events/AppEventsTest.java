package org.broadside.events;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AppEventsTest {
    private final AppEvents bus = new AppEvents();

    @Test
    void everySubscriberHearsAPublishedEvent() {
        List<AppEvent> first = new ArrayList<>();
        List<AppEvent> second = new ArrayList<>();
        bus.subscribe(first::add);
        bus.subscribe(second::add);
        bus.publish(new AppEvent.ListsChanged("Club"));
        assertThat(first).containsExactly(new AppEvent.ListsChanged("Club"));
        assertThat(second).containsExactly(new AppEvent.ListsChanged("Club"));
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() {
        List<AppEvent> heard = new ArrayList<>();
        Subscription s = bus.subscribe(heard::add);
        s.close();
        s.close();
        bus.publish(new AppEvent.AccountsChanged());
        assertThat(heard).isEmpty();
        assertThat(bus.listenerCount()).isZero();
    }

    @Test
    void aFailingSubscriberDoesNotKeepTheOthersFromHearing() {
        List<AppEvent> heard = new ArrayList<>();
        bus.subscribe(e -> {
            throw new IllegalStateException("broken view");
        });
        bus.subscribe(heard::add);
        bus.publish(new AppEvent.BlacklistChanged());
        assertThat(heard).containsExactly(new AppEvent.BlacklistChanged());
    }

    @Test
    void aChangeOfSomeListConcernsEveryListButANamedOneOnlyItself() {
        assertThat(AppEvent.ListsChanged.ANY.concerns("Club")).isTrue();
        assertThat(new AppEvent.ListsChanged("club").concerns("Club")).isTrue();
        assertThat(new AppEvent.ListsChanged("Other").concerns("Club")).isFalse();
    }
}
