package cn.yjzf.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Writes matching audit events as CSV (Apache Commons CSV, UTF-8 with a byte order mark so spreadsheet programs
 * read the Chinese). Cells that a spreadsheet would run as a formula are neutralised with a leading apostrophe
 * (OWASP "CSV injection"): a detail or user name an attacker typed must never execute on the auditor's machine.
 */
@Component
public class AuditCsv {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final int PAGE = 1000;

    private final AuditEventRepository events;

    private final cn.yjzf.common.AppTime time;

    AuditCsv(AuditEventRepository events, cn.yjzf.common.AppTime time) {
        this.events = events;
        this.time = time;
    }

    void write(AuditQuery query, Writer out) throws IOException {
        out.write('\uFEFF');
        CSVPrinter csv = CSVFormat.DEFAULT.builder()
                .setHeader("序号", "时间", "用户", "操作", "记录类型", "记录编号", "详情", "散列").get().print(out);
        ZoneId zone = time.zone();
        Page<AuditEvent> page;
        int n = 0;
        do {
            page = events.findAll(query.specification(zone), PageRequest.of(n++, PAGE, Sort.by("seq")));
            for (AuditEvent e : page) {
                csv.printRecord(e.getSeq(), TIME.format(e.getOccurredAt().atZone(zone)), safe(e.getActor()),
                        safe(e.getAction()), safe(e.getEntityType()), e.getEntityId() == null ? "" : e.getEntityId(),
                        safe(e.getDetail()), e.getHash());
            }
        } while (page.hasNext());
        csv.flush();
    }

    /** A cell a spreadsheet would run as a formula, made inert; also used by the statistics export. */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n' || c == '|'
                ? "'" + cell : cell;
    }
}
