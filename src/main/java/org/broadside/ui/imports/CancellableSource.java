package org.broadside.ui.imports;

import org.broadside.contacts.imports.ContactSource;
import org.broadside.contacts.imports.ImportException;
import org.broadside.contacts.imports.SourceRow;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Wraps a source so Cancel stops the import at the next row; the importer then rolls everything back. */
final class CancellableSource implements ContactSource {
    static final String CANCELLED = "The import was cancelled; the list is unchanged.";
    private final ContactSource source;
    private final AtomicBoolean cancelled;

    CancellableSource(ContactSource source, AtomicBoolean cancelled) {
        this.source = source;
        this.cancelled = cancelled;
    }

    @Override public List<String> columns() { return source.columns(); }

    @Override
    public SourceRow next() {
        if (cancelled.get()) throw new ImportException(CANCELLED);
        return source.next();
    }

    @Override public String unit() { return source.unit(); }

    @Override public void close() { source.close(); }
}
