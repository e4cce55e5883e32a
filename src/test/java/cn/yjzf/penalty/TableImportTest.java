package cn.yjzf.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.judgment.RuleFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CSV and XLSX import of a 基准, checked row by row against the statutory frame. Fixtures: superseded 山西/四川 rows (🟡). */
class TableImportTest {

    static StatutoryFrame frame;
    /** The fixture as reported, including two rows whose personal fine is below the statute. */
    static byte[] shanxiAsReported;
    /** The same without those two rows (file rows 2 and 3). */
    static byte[] shanxiCsv;

    @BeforeAll
    static void load() throws IOException {
        PenaltyRuleSet set = new PenaltyRuleLoader().load(RuleFiles.fromDirectory(Path.of("rules"))).get(0);
        frame = new StatutoryFrame(set, new FrameEngine());
        shanxiAsReported = Files.readAllBytes(Path.of("src/test/resources/penalty/shanxi-2021-superseded.csv"));
        List<String> lines = new String(shanxiAsReported, StandardCharsets.UTF_8).lines().toList();
        List<String> valid = new java.util.ArrayList<>(lines);
        valid.remove(2);
        valid.remove(1);
        shanxiCsv = String.join("\n", valid).getBytes(StandardCharsets.UTF_8);
    }

    static DiscretionTable table(List<DiscretionTier> tiers) {
        return new DiscretionTable("shanxi-2021", "山西夹具", "山西省应急管理厅", "晋应急发〔2021〕260号", "省", "山西省",
                LocalDate.of(2021, 11, 1), LocalDate.of(2024, 10, 31), true, "夹具", true, true, "casework-facts §2", tiers);
    }

    @Test
    void theShanxiTableAsReportedHasTwoRowsBelowTheStatutoryPersonalMinimum() {
        // 第九十九条: 逾期未改正 → 个人 1万–2万. The reported 1处 / 2处 tiers give 0.5万 and 0.5–1万 (casework-facts §2).
        TableImport.Parsed parsed = TableImport.read("shanxi.csv", shanxiAsReported);
        assertThat(parsed.problems()).isEmpty();
        List<RowProblem> problems = FrameCheck.check(table(parsed.tiers()), frame);
        assertThat(problems).extracting(RowProblem::line, RowProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "逾期个人罚款"), org.assertj.core.groups.Tuple.tuple(3, "逾期个人罚款"));
        assertThat(problems.get(0).message()).contains("5000元").contains("1万元至2万元");
    }

    @Test
    void theOtherShanxiRowsAreInsideTheStatute() {
        TableImport.Parsed parsed = TableImport.read("shanxi.csv", shanxiCsv);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.tiers()).hasSize(5);
        assertThat(parsed.tiers().get(2).metricMax()).isNull();
        assertThat(parsed.tiers().get(2).unitOverdue()).isEqualTo(new AmountRange(170000, 200000));
        assertThat(FrameCheck.check(table(parsed.tiers()), frame)).isEmpty();
    }

    @Test
    void oneRowOutsideTheStatuteRejectsTheTableNamingThatRow() {
        String csv = new String(shanxiCsv, StandardCharsets.UTF_8).replace(",4,4处,处数,4,4,,20000,30000,", ",4,4处,处数,4,4,,20000,60000,");
        TableImport.Parsed parsed = TableImport.read("shanxi.csv", csv.getBytes(StandardCharsets.UTF_8));
        List<RowProblem> problems = FrameCheck.check(table(parsed.tiers()), frame);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("单位罚款");
            assertThat(p.toString()).contains("第 3 行").contains("2万元至6万元").contains("第九十九条第（一）项").contains("5万元以下");
        });
    }

    @Test
    void aPersonalFineWhereTheStatuteHasNoneIsRejected() {
        String csv = new String(shanxiCsv, StandardCharsets.UTF_8).replace(",3,3处,处数,3,3,,20000,30000,80000,130000,,,", ",3,3处,处数,3,3,,20000,30000,80000,130000,5000,5000,");
        List<RowProblem> problems = FrameCheck.check(table(TableImport.read("a.csv", csv.getBytes(StandardCharsets.UTF_8)).tiers()), frame);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("没有规定这项罚款");
        });
    }

    @Test
    void theSichuanArticle92RowIsNotAViolationOfTheCatalogue() {
        // 四川 川应急规〔2023〕1号 第九十二条第一款（中介机构虚假报告），1处 → 3–5万: not a 生产经营单位 penalty, so no catalogue entry.
        DiscretionTier sichuan = new DiscretionTier(2, "AQF-092-1", 1, "1处", "虚假内容处数", 1L, 1L, null,
                new AmountRange(30000, 50000), null, null, null, false);
        assertThat(FrameCheck.check(table(List.of(sichuan)), frame)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("违法行为库中没有「AQF-092-1」"));
    }

    @Test
    void xlsxIsReadLikeCsvWithRowNumbers() throws IOException {
        List<String> lines = new String(shanxiCsv, StandardCharsets.UTF_8).lines().toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("基准");
            for (int i = 0; i < lines.size(); i++) {
                Row row = sheet.createRow(i);
                String[] cells = lines.get(i).split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    if (i > 0 && cells[c].matches("\\d+")) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    } else {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            sheet.getRow(3).getCell(10).setCellValue(60000); // row 4 of the file: 5处以上 unit max 6万 > 5万
            wb.write(out);
        }
        TableImport.Parsed parsed = TableImport.read("基准.xlsx", out.toByteArray());
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.tiers()).hasSize(5);
        assertThat(FrameCheck.check(table(parsed.tiers()), frame)).extracting(RowProblem::line).containsExactly(4);
    }

    @Test
    void badCellsAndFilesAreNamed() {
        String csv = new String(shanxiCsv, StandardCharsets.UTF_8).replace(",4,4处,处数,4,4,,20000,30000,", ",4,4处,处数,4,4,,二万,30000,");
        TableImport.Parsed parsed = TableImport.read("x.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("单位罚款下限");
        });
        assertThat(TableImport.read("x.pdf", new byte[] {1}).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains(".csv 或 .xlsx"));
        assertThat(TableImport.read("x.xlsx", new byte[] {1, 2, 3}).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("不是有效的 XLSX"));
        assertThat(TableImport.read("x.csv", "名称,金额\n甲,1\n".getBytes(StandardCharsets.UTF_8)).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("违法行为编码"));
    }

    @Test
    void theDefaultTableIsTheStatuteAndPassesItsOwnCheck() {
        DiscretionTable d = DefaultDiscretionTable.build(frame);
        assertThat(d.label()).isEqualTo("系统默认（非官方基准）");
        assertThat(d.official()).isFalse();
        assertThat(FrameCheck.check(d, frame)).isEmpty();
        assertThat(d.tiersOf("AQF-097-1")).singleElement().satisfies(t -> {
            assertThat(t.unit()).isEqualTo(new AmountRange(0, 100000));
            assertThat(t.unitOverdue()).isEqualTo(new AmountRange(100000, 200000));
            assertThat(t.personOverdue()).isEqualTo(new AmountRange(20000, 50000));
        });
    }
}
