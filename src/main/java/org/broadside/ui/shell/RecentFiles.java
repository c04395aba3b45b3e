package org.broadside.ui.shell;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The recently opened campaign documents, newest first, kept in a small file of the data directory. */
public final class RecentFiles {
    static final int MAX = 10;
    private final Path store;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    public RecentFiles(Path store) {
        this.store = store;
        try {
            if (Files.exists(store)) {
                Files.readAllLines(store, StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).map(Path::of)
                        .limit(MAX).forEach(files::add);
            }
        } catch (IOException e) {
            // A damaged recent list is not worth bothering the user with: start empty.
        }
    }

    public ObservableList<Path> files() { return files; }

    public void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(p);
        next.add(0, p);
        while (next.size() > MAX) next.remove(next.size() - 1);
        files.setAll(next);
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            Files.write(store, next.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Not remembering a recent file is harmless; the document itself was handled.
        }
    }
}
