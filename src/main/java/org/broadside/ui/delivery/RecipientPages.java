package org.broadside.ui.delivery;

import javafx.collections.ObservableListBase;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.Receipt;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.SentBy;
import org.broadside.store.ProcessIdentity;
import org.broadside.ui.common.BackgroundRunner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Delivery table's rows: a campaign's recipients read from the store a page at a time when the table first asks
 * for them (as the list manager's LazyContactList does for contacts), with a small overlay of the latest receipts from
 * engine events on top. Only recently used pages stay in memory, so a million recipients cost a few thousand rows.
 */
final class RecipientPages extends ObservableListBase<RecipientItem> {
    static final int PAGE = 200;
    private static final int KEEP_PAGES = 40;
    /** Receipts kept for pages read later: the store's writer may not have written them yet. */
    private static final int OVERLAY = 10_000;
    /** The receipts come from this process's engine, so their rows were sent by this process, as a page read will say. */
    private static final SentBy SELF = SentBy.of(ProcessIdentity.self());

    /** What the table shows: one campaign, all of it (by id range from firstId) or one state. */
    record View(long campaignId, RecipientState state, long firstId) {}

    private final CampaignRepository campaigns;
    private final BackgroundRunner runner;
    private View view;
    private int size;
    private final Map<Long, RecipientItem> byId = new HashMap<>();
    private final Map<Integer, RecipientItem[]> pages = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, RecipientItem[]> eldest) {
            if (size() <= KEEP_PAGES) return false;
            forget(eldest.getValue());
            return true;
        }
    };
    private final Map<Long, Receipt> recent = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Receipt> eldest) {
            return size() > OVERLAY;
        }
    };
    /** Recipients with a transaction open now (a few per connection): a page read meanwhile shows them SENDING. */
    private final java.util.Set<Long> open = new java.util.HashSet<>();
    private int pagesLoaded;

    RecipientPages(CampaignRepository campaigns, BackgroundRunner runner) {
        this.campaigns = campaigns;
        this.runner = runner;
    }

    View view() { return view; }

    /** Shows another campaign, state or size: one change that replaces everything. */
    void reset(View next, long count) {
        beginChange();
        if (size > 0) nextRemove(0, new ArrayList<>(Collections.nCopies(size, (RecipientItem) null)));
        if (next == null || view == null || next.campaignId() != view.campaignId()) {
            recent.clear();
            open.clear();
        }
        view = next;
        pages.clear();
        byId.clear();
        size = next == null ? 0 : (int) Math.min(Integer.MAX_VALUE, count);
        if (size > 0) nextAdd(0, size);
        endChange();
    }

    @Override
    public RecipientItem get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        int pageNo = index / PAGE;
        RecipientItem[] page = pages.get(pageNo);
        if (page == null) page = request(pageNo);
        return page[index % PAGE];
    }

    @Override
    public int size() { return size; }

    /** How many page reads ran: lets tests prove rows load lazily. */
    int pagesLoaded() { return pagesLoaded; }

    /** How many rows are in memory now. */
    int rowsInMemory() { return byId.size(); }

    /** A receipt from the engine: the row updates in place if it is loaded, and a page read later shows it too. */
    void receipt(Receipt r) {
        recent.remove(r.recipientId());
        recent.put(r.recipientId(), r);
        open.remove(r.recipientId());
        RecipientItem item = byId.get(r.recipientId());
        if (item != null) item.apply(r, SELF);
    }

    /** A transaction for this recipient has opened. */
    void sending(long recipientId) {
        if (open.size() < OVERLAY) open.add(recipientId);
        RecipientItem item = byId.get(recipientId);
        if (item != null) item.stateProperty().set(RecipientState.SENDING);
    }

    /** The run ended: no transaction is open any more. */
    void runEnded() {
        open.clear();
    }

    /**
     * Reads every page in memory again: a run this panel did not drive (the scheduler's, the command line's) changed
     * the rows. The whole campaign's rows update in place, where the user is; a table of one state is read afresh, since
     * its rows may be other recipients now even when their number is the same.
     */
    void refreshLoadedPages() {
        if (view == null) return;
        if (view.state() != null) reset(view, size);
        else refreshRecentPages(pages.size());
    }

    /** Reads the most recently used pages of the whole campaign again and updates their rows in place (retry times). */
    void refreshRecentPages(int howMany) {
        View v = view;
        if (v == null || v.state() != null) return;
        List<Integer> recentPages = new ArrayList<>(pages.keySet());
        for (int i = recentPages.size() - 1, n = 0; i >= 0 && n < howMany; i--, n++) {
            int pageNo = recentPages.get(i);
            runner.run(() -> read(v, pageNo), rows -> {
                if (v != view) return;
                for (CampaignRepository.ListedRecipient r : rows) {
                    RecipientItem item = byId.get(r.row().id());
                    if (item == null) continue;
                    item.update(r);
                    Receipt newer = recent.get(r.row().id());
                    if (newer != null && !r.row().state().isFinal()) item.apply(newer, SELF);
                }
            }, e -> { });
        }
    }

    private RecipientItem[] request(int pageNo) {
        RecipientItem[] placeholder = new RecipientItem[PAGE];
        for (int i = 0; i < PAGE; i++) placeholder[i] = RecipientItem.loading();
        pages.put(pageNo, placeholder);
        View v = view;
        boolean[] answering = {true};
        runner.run(() -> read(v, pageNo), rows -> {
            if (v != view) return;
            // A page evicted while its read was on the way is still taken: the table may be showing its placeholders,
            // and dropping the rows would leave them "loading" until something made the table ask again.
            RecipientItem[] current = pages.get(pageNo);
            if (current != null && current != placeholder) return;
            pagesLoaded++;
            RecipientItem[] page = fill(v, pageNo, rows, placeholder);
            pages.put(pageNo, page);
            // Read on the same thread (tests): the table gets the rows from this call; otherwise tell it they changed.
            if (!answering[0]) replaced(pageNo, placeholder);
        }, e -> pages.remove(pageNo));
        answering[0] = false;
        return pages.getOrDefault(pageNo, placeholder);
    }

    private List<CampaignRepository.ListedRecipient> read(View v, int pageNo) {
        long offset = (long) pageNo * PAGE;
        if (v.state() != null) return campaigns.listedInState(v.campaignId(), v.state(), offset, PAGE);
        return campaigns.listedBetween(v.campaignId(), v.firstId() + offset, v.firstId() + offset + PAGE - 1);
    }

    private RecipientItem[] fill(View v, int pageNo, List<CampaignRepository.ListedRecipient> rows, RecipientItem[] placeholder) {
        RecipientItem[] page = placeholder.clone();
        for (int i = 0; i < rows.size(); i++) {
            CampaignRepository.ListedRecipient r = rows.get(i);
            int slot = v.state() != null ? i : (int) (r.row().id() - v.firstId() - (long) pageNo * PAGE);
            if (slot < 0 || slot >= PAGE) continue;
            RecipientItem item = RecipientItem.of(r);
            Receipt newer = recent.get(item.id());
            if (newer != null && !r.row().state().isFinal()) item.apply(newer, SELF);
            else if (open.contains(item.id()) && !r.row().state().isFinal()) item.stateProperty().set(RecipientState.SENDING);
            page[slot] = item;
            byId.put(item.id(), item);
        }
        return page;
    }

    private void replaced(int pageNo, RecipientItem[] before) {
        int from = pageNo * PAGE;
        int to = Math.min(size, from + PAGE);
        if (from >= to) return;
        beginChange();
        for (int i = from; i < to; i++) nextSet(i, before[i - from]);
        endChange();
    }

    private void forget(RecipientItem[] page) {
        for (RecipientItem item : page) {
            if (!item.isLoading()) byId.remove(item.id(), item);
        }
    }
}
