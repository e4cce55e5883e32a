package cn.yjzf.penalty;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the tiers of an official 基准 from CSV (UTF-8, optional BOM) or XLSX (first sheet): one row per tier, header row
 * first, columns named as in {@link #COLUMNS} (the national columns 违法行为 · 法律规定 · 处罚依据 may be present and are
 * kept for reading only; the row is tied to the catalogue by 违法行为编码). Amounts are yuan. Problems name the row.
 */
public final class TableImport {

    public static final String CODE = "违法行为编码";
    public static final List<String> COLUMNS = List.of(CODE, "裁量阶次序号", "裁量阶次", "量化指标", "指标下限", "指标上限",
            "适用条件", "单位罚款下限", "单位罚款上限", "逾期单位罚款下限", "逾期单位罚款上限", "个人罚款下限", "个人罚款上限",
            "逾期个人罚款下限", "逾期个人罚款上限", "首违不罚");
    private static final int MAX_ROWS = 5000;

    public record Parsed(List<DiscretionTier> tiers, List<RowProblem> problems) {
    }

    private TableImport() {
    }

    public static Parsed read(String filename, byte[] content) {
        String name = filename == null ? "" : filename.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return parse(xlsxRows(content));
        }
        if (name.endsWith(".csv")) {
            return parse(csvRows(content));
        }
        return new Parsed(List.of(), List.of(new RowProblem(0, null, "只接受 .csv 或 .xlsx 文件")));
    }

    /** Rows as header → text maps keyed by their line number in the file. */
    static Map<Integer, Map<String, String>> csvRows(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<Integer, Map<String, String>> rows = new LinkedHashMap<>();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
            List<String> header = null;
            int line = 0;
            while (it.hasNextValue()) {
                List<String> cells = it.nextValue();
                line++;
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                    continue;
                }
                if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    continue;
                }
                rows.put(line, zip(header, cells));
            }
        } catch (IOException | RuntimeException e) {
            rows.put(-1, Map.of("", "CSV 格式错误：" + e.getMessage()));
        }
        return rows;
    }

    static Map<Integer, Map<String, String>> xlsxRows(byte[] content) {
        Map<Integer, Map<String, String>> rows = new LinkedHashMap<>();
        DataFormatter fmt = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> header = null;
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : fmt.formatCellValue(cell));
                }
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.put(row.getRowNum() + 1, zip(header, cells));
            }
        } catch (IOException | RuntimeException e) {
            rows.put(-1, Map.of("", "不是有效的 XLSX 文件：" + e.getMessage()));
        }
        return rows;
    }

    private static Map<String, String> zip(List<String> header, List<String> cells) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.put(header.get(i), i < cells.size() && cells.get(i) != null ? cells.get(i).strip() : "");
        }
        return m;
    }

    static Parsed parse(Map<Integer, Map<String, String>> rows) {
        List<RowProblem> problems = new ArrayList<>();
        List<DiscretionTier> tiers = new ArrayList<>();
        if (rows.containsKey(-1)) {
            return new Parsed(List.of(), List.of(new RowProblem(0, null, rows.get(-1).get(""))));
        }
        if (rows.size() > MAX_ROWS) {
            return new Parsed(List.of(), List.of(new RowProblem(0, null, "行数超过 " + MAX_ROWS)));
        }
        if (!rows.isEmpty() && !rows.values().iterator().next().containsKey(CODE)) {
            return new Parsed(List.of(), List.of(new RowProblem(1, CODE, "表头缺少「" + CODE + "」列；列名见 " + COLUMNS)));
        }
        rows.forEach((line, cells) -> {
            Cells c = new Cells(line, cells, problems);
            String code = c.text(CODE);
            if (code == null) {
                problems.add(new RowProblem(line, CODE, "必填"));
                return;
            }
            Long order = c.number("裁量阶次序号");
            tiers.add(new DiscretionTier(line, code, order == null ? 1 : order.intValue(), c.text("裁量阶次"),
                    c.text("量化指标"), c.number("指标下限"), c.number("指标上限"), c.text("适用条件"),
                    c.range("单位罚款下限", "单位罚款上限"), c.range("逾期单位罚款下限", "逾期单位罚款上限"),
                    c.range("个人罚款下限", "个人罚款上限"), c.range("逾期个人罚款下限", "逾期个人罚款上限"),
                    "是".equals(c.text("首违不罚"))));
        });
        return new Parsed(tiers, problems);
    }

    /** Typed access to one row's cells, reporting bad values against the row. */
    private record Cells(int line, Map<String, String> cells, List<RowProblem> problems) {

        String text(String column) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v;
        }

        Long number(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                long n = new java.math.BigDecimal(v.replace(",", "")).longValueExact();
                if (n < 0) {
                    problems.add(new RowProblem(line, column, "不能为负数：" + v));
                    return null;
                }
                return n;
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add(new RowProblem(line, column, "不是整数（单位：元）：" + v));
                return null;
            }
        }

        /** Upper bound alone means "以下" (min 0); lower alone is refused: a tier must be bounded. */
        AmountRange range(String minColumn, String maxColumn) {
            Long min = number(minColumn);
            Long max = number(maxColumn);
            if (min == null && max == null) {
                return null;
            }
            if (max == null) {
                problems.add(new RowProblem(line, maxColumn, "有下限时必须填写上限"));
                return null;
            }
            if (min != null && min > max) {
                problems.add(new RowProblem(line, minColumn, "下限 " + min + " 大于上限 " + max));
                return null;
            }
            return new AmountRange(min == null ? 0 : min, max);
        }
    }
}
