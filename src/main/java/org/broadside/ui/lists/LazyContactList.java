package org.broadside.ui.lists;

import javafx.collections.ObservableListBase;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactPageRepository;
import org.broadside.ui.common.BackgroundRunner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of a known size whose rows load a page at a time when the table first asks for them. Only recently
 * used pages stay in memory, so scrolling through a million contacts costs a few hundred rows.
 */
final class LazyContactList extends ObservableListBase<ContactRow> {
    static final int PAGE = 200;
    private static final int KEEP_PAGES = 40;

    private final ContactPageRepository query;
    private final BackgroundRunner runner;
    private ContactPageRepository.View view;
    private int size;
    private final Map<Integer, ContactRow[]> pages = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ContactRow[]> eldest) {
            return size() > KEEP_PAGES;
        }
    };
    private int pagesLoaded;

    LazyContactList(ContactPageRepository query, BackgroundRunner runner) {
        this.query = query;
        this.runner = runner;
    }

    /** Shows another list, search or sort: one change that replaces everything. */
    void reset(ContactPageRepository.View next, long count) {
        beginChange();
        if (size > 0) nextRemove(0, new java.util.ArrayList<>(java.util.Collections.nCopies(size, (ContactRow) null)));
        view = next;
        pages.clear();
        size = (int) Math.min(Integer.MAX_VALUE, count);
        if (size > 0) nextAdd(0, size);
        endChange();
    }

    @Override
    public ContactRow get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        int pageNo = index / PAGE;
        ContactRow[] page = pages.get(pageNo);
        if (page == null) page = request(pageNo);
        return page[index % PAGE];
    }

    @Override
    public int size() { return size; }

    /** How many page queries ran: lets tests prove rows load lazily. */
    int pagesLoaded() { return pagesLoaded; }

    private ContactRow[] request(int pageNo) {
        ContactRow[] page = new ContactRow[PAGE];
        for (int i = 0; i < PAGE; i++) page[i] = new ContactRow();
        pages.put(pageNo, page);
        ContactPageRepository.View v = view;
        runner.run(() -> query.page(v, (long) pageNo * PAGE, PAGE), contacts -> {
            if (v != view) return;
            pagesLoaded++;
            fill(page, contacts);
        }, e -> pages.remove(pageNo));
        return page;
    }

    private static void fill(ContactRow[] page, List<Contact> contacts) {
        for (int i = 0; i < contacts.size() && i < page.length; i++) page[i].contactProperty().set(contacts.get(i));
    }
}
