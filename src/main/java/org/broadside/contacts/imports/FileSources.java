package org.broadside.contacts.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens a file as a contact source by its format, given or guessed from the extension. */
public final class FileSources {
    private FileSources() {}

    /** The formats a file can be imported from. */
    public enum Format { CSV, TSV, XLSX, VCF, TEXT }

    public static Format guess(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tsv") || name.endsWith(".tab")) return Format.TSV;
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) return Format.XLSX;
        if (name.endsWith(".xls")) {
            throw new ImportException("Old Excel .xls files cannot be read; save the sheet as .xlsx or .csv and import that.");
        }
        if (name.endsWith(".vcf") || name.endsWith(".vcard")) return Format.VCF;
        return Format.CSV;
    }

    public static ContactSource open(Path file, Format format) {
        if (!Files.isRegularFile(file)) throw new ImportException("The file " + file + " does not exist.");
        if (!Files.isReadable(file)) throw new ImportException("The file " + file + " cannot be read (no permission).");
        Format f = format != null ? format : guess(file);
        return switch (f) {
            case CSV -> CsvSource.open(file, null, null);
            case TSV -> CsvSource.open(file, '\t', null);
            case XLSX -> XlsxSource.open(file);
            case VCF -> VcardSource.open(file);
            case TEXT -> PastedTextSource.open(file);
        };
    }
}
