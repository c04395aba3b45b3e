package org.broadside.ui.delivery;

import org.broadside.delivery.AccountNotice;
import org.broadside.delivery.CampaignStatus;
import org.broadside.delivery.ConnectionId;
import org.broadside.delivery.DeliveryListener;
import org.broadside.delivery.Progress;
import org.broadside.delivery.Receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The engine-side half of the Delivery panel: queues events from engine threads without blocking; the panel
 * drains them on the UI thread every 100 ms and applies them as one batch.
 */
public final class DeliveryEvents implements DeliveryListener {
    /** Events the panel cares about; protocol lines go to the store and the log viewer instead. */
    sealed interface Event permits Sending, Got, Moved, Ended, StatusChange, Opened, Notice {}

    record Sending(long recipientId, String email, ConnectionId connection) implements Event {}
    record Got(Receipt receipt) implements Event {}
    record Moved(Progress progress) implements Event {}
    record Ended(Progress progress, CampaignStatus status, String reason) implements Event {}
    record StatusChange(CampaignStatus status, String reason) implements Event {}
    record Opened(ConnectionId connection, boolean open) implements Event {}
    record Notice(AccountNotice notice) implements Event {}

    private final ConcurrentLinkedQueue<Event> queue = new ConcurrentLinkedQueue<>();

    @Override public void runStarted(long runId, Progress progress) { queue.add(new Moved(progress)); }
    @Override public void connectionOpened(ConnectionId id, String greeting) { queue.add(new Opened(id, true)); }
    @Override public void connectionClosed(ConnectionId id, String why) { queue.add(new Opened(id, false)); }
    @Override public void sending(long recipientId, String email, ConnectionId id) { queue.add(new Sending(recipientId, email, id)); }
    @Override public void receipt(Receipt receipt) { queue.add(new Got(receipt)); }
    @Override public void progress(Progress progress) { queue.add(new Moved(progress)); }
    @Override public void statusChanged(CampaignStatus status, String reason) { queue.add(new StatusChange(status, reason)); }
    @Override public void accountNotice(AccountNotice notice) { queue.add(new Notice(notice)); }
    @Override public void runEnded(Progress progress, CampaignStatus status, String reason) { queue.add(new Ended(progress, status, reason)); }

    /** Everything queued so far, oldest first. */
    List<Event> drain() {
        List<Event> out = new ArrayList<>();
        Event e;
        while ((e = queue.poll()) != null) out.add(e);
        return out;
    }
}
