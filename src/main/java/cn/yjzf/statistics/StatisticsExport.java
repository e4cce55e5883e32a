package cn.yjzf.statistics;

import cn.yjzf.audit.AuditCsv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The tables as CSV (Apache Commons CSV, UTF-8 with BOM) or XLSX (Apache POI, one sheet per table). Labels such as
 * township and industry names come from records other users typed, so a cell a spreadsheet would run as a formula
 * is neutralised: a leading apostrophe in CSV (as the audit export does), a quote-prefixed text cell in XLSX.
 * Counts and amounts are written as numbers in XLSX so they can be summed.
 */
@Component
class StatisticsExport {

    private static final Pattern NUMBER = Pattern.compile("(0|[1-9]\\d{0,14})(\\.\\d{1,6})?");

    void csv(List<StatTable> tables, Writer out) throws IOException {
        out.write('\uFEFF');
        CSVPrinter csv = CSVFormat.DEFAULT.print(out);
        for (StatTable t : tables) {
            csv.printRecord(AuditCsv.safe(t.title()));
            csv.printRecord(t.headers().stream().map(AuditCsv::safe).toList());
            for (List<String> row : t.rows()) {
                csv.printRecord(row.stream().map(AuditCsv::safe).toList());
            }
            csv.println();
        }
        csv.flush();
    }

    void xlsx(List<StatTable> tables, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle text = book.createCellStyle();
            text.setQuotePrefixed(true);
            for (StatTable t : tables) {
                Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(t.title()));
                int r = 0;
                write(sheet.createRow(r++), t.headers(), text);
                for (List<String> cells : t.rows()) {
                    write(sheet.createRow(r++), cells, text);
                }
            }
            book.write(out);
        }
    }

    private static void write(Row row, List<String> cells, CellStyle text) {
        for (int i = 0; i < cells.size(); i++) {
            String v = cells.get(i);
            if (NUMBER.matcher(v).matches()) {
                row.createCell(i).setCellValue(Double.parseDouble(v));
            } else {
                row.createCell(i).setCellValue(v);
                if (!AuditCsv.safe(v).equals(v)) {
                    row.getCell(i).setCellStyle(text);
                }
            }
        }
    }
}
