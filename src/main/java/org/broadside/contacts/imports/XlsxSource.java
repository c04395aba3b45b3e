package org.broadside.contacts.imports;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The first sheet of an Excel .xlsx workbook, streamed. The first non-empty row names the columns; numbers
 * lose Excel's ".0", and cells formatted as dates become ISO dates instead of serial numbers like 45123.
 */
public final class XlsxSource implements ContactSource {
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> columns;
    private final String name;

    private XlsxSource(ReadableWorkbook workbook, String name) throws IOException {
        this.workbook = workbook;
        this.name = name;
        this.stream = workbook.getFirstSheet().openStream();
        this.rows = stream.iterator();
        List<String> header = null;
        while (header == null && rows.hasNext()) {
            List<String> values = values(rows.next());
            if (values.stream().anyMatch(v -> !v.isBlank())) header = values;
        }
        if (header == null) throw new ImportException("The first sheet of the workbook is empty.");
        columns = ColumnNames.unique(header);
    }

    public static XlsxSource open(Path file) {
        String name = SafeText.of(file.getFileName().toString(), 120);
        FileContent.Kind kind;
        try {
            kind = FileContent.of(file);
        } catch (IOException e) {
            throw new ImportException("The file " + name + " cannot be read: " + SafeText.of(e.getMessage(), 200) + ".", e);
        }
        if (kind != FileContent.Kind.EXCEL_WORKBOOK && kind != FileContent.Kind.ZIP_ARCHIVE) {
            throw new DamagedFileException("The file " + name + " is not an Excel workbook (it looks like " + kind.description()
                    + (kind.advice().isEmpty() ? "" : ": " + kind.advice()) + ").", null);
        }
        ReadableWorkbook workbook = null;
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
            return new XlsxSource(workbook, name);
        } catch (IOException | RuntimeException e) {
            closeQuietly(workbook);
            if (e instanceof ImportException ie) throw ie;
            throw damaged(name, e);
        }
    }

    /** The library's exceptions ("null not found", "invalid CEN header") put in words a user can act on. */
    static DamagedFileException damaged(String fileName, Exception e) {
        return new DamagedFileException("The file " + fileName + " is damaged or not an Excel workbook: " + reason(e)
                + ". Open it in Excel or LibreOffice and save it again as .xlsx, or save it as .csv.", e);
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.zip.ZipException || t instanceof java.io.EOFException) {
                return "it is cut short or its ZIP structure is broken";
            }
            if (t instanceof javax.xml.stream.XMLStreamException) return "the XML of a sheet is broken";
            if (t instanceof org.dhatim.fastexcel.reader.ExcelReaderException && String.valueOf(t.getMessage()).contains("not found")) {
                return "a part that every workbook has is missing";
            }
        }
        return "its reader stopped with " + e.getClass().getSimpleName();
    }

    @Override
    public List<String> columns() { return columns; }

    @Override
    public String unit() { return "row"; }

    @Override
    public SourceRow next() {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> values = values(row);
                if (values.stream().allMatch(String::isBlank)) continue;
                return SourceRow.of(row.getRowNum(), values);
            }
            return null;
        } catch (RuntimeException e) {
            throw damaged(name, e);
        }
    }

    private static List<String> values(Row row) {
        List<String> out = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) out.add(text(row.getCell(i)));
        return out;
    }

    static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY || cell.getRawValue() == null) return "";
        if (cell.getType() == CellType.NUMBER || cell.getType() == CellType.FORMULA && isNumeric(cell.getRawValue())) {
            if (isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
                LocalDateTime d = cell.asDate();
                return d.toLocalTime().toSecondOfDay() == 0 ? d.toLocalDate().toString() : d.toString().replace('T', ' ');
            }
            BigDecimal n = new BigDecimal(cell.getRawValue());
            return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
        }
        if (cell.getType() == CellType.BOOLEAN) return Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE";
        if (cell.getType() == CellType.ERROR) return "";
        return cell.getText();
    }

    private static boolean isNumeric(String raw) {
        try {
            new BigDecimal(raw);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Excel's built-in date formats (14-22, 45-47) and custom formats with day, month or year letters. */
    static boolean isDateFormat(Integer id, String format) {
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) return true;
        if (format == null) return false;
        String f = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase(java.util.Locale.ROOT);
        if (f.equals("general")) return false;
        return f.contains("d") || f.contains("y") || f.contains("m") && !f.contains("0");
    }

    @Override
    public void close() {
        stream.close();
        closeQuietly(workbook);
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        if (workbook == null) return;
        try {
            workbook.close();
        } catch (IOException ignored) {
            // A workbook we only read.
        }
    }
}
