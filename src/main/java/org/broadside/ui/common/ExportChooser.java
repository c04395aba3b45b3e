package org.broadside.ui.common;

import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The save dialog of an export: the file named after what it holds ("Spring sale - delivery report.csv", not
 * "delivery-report.csv", which the next campaign's export would overwrite), opening in the campaign's own folder when
 * it has one, else the user's home (not the folder the app happened to be started from).
 */
public final class ExportChooser {
    private ExportChooser() {}

    /**
     * @param owner     the campaign or list the file is about, or null
     * @param what      what the file holds, e.g. "delivery report"
     * @param extension without the dot, e.g. "csv"
     * @param folder    where to open, or null for the user's home
     */
    public static FileChooser of(String title, String owner, String what, String extension, String description, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName(owner, what, extension));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
        File start = folder != null && Files.isDirectory(folder) ? folder.toFile() : new File(System.getProperty("user.home"));
        if (start.isDirectory()) chooser.setInitialDirectory(start);
        return chooser;
    }

    /** "owner - what.ext", with the characters no file system takes replaced; "what.ext" without an owner. */
    public static String fileName(String owner, String what, String extension) {
        String base = owner == null || owner.isBlank() ? what : safe(owner.strip()) + " - " + what;
        return base + "." + extension;
    }

    /** A name as a file name: the characters Windows, macOS or Linux refuse become "_". */
    public static String safe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }
}
