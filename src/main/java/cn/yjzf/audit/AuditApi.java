package cn.yjzf.audit;

import cn.yjzf.common.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit administrator's API: search, CSV export and chain verification. Nobody else may call it. */
@RestController
@PreAuthorize("hasRole('AUDIT_ADMIN')")
@Tag(name = "审计记录")
class AuditApi {

    static final int MAX_PAGE_SIZE = 1000;

    private final AuditEventRepository events;
    private final ChainVerifier verifier;
    private final AuditCsv csv;

    private final cn.yjzf.common.AppTime time;

    AuditApi(AuditEventRepository events, ChainVerifier verifier, AuditCsv csv, cn.yjzf.common.AppTime time) {
        this.time = time;
        this.events = events;
        this.verifier = verifier;
        this.csv = csv;
    }

    record EventDto(long seq, Instant occurredAt, String actor, String action, String entityType, Long entityId,
                    String detail, String hash) {

        static EventDto of(AuditEvent e) {
            return new EventDto(e.getSeq(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getEntityType(),
                    e.getEntityId(), e.getDetail(), e.getHash());
        }
    }

    @GetMapping("/api/audit/events")
    @Operation(summary = "检索审计记录（按用户、日期范围、操作、记录），新的在前")
    List<EventDto> search(@org.springdoc.core.annotations.ParameterObject AuditSearchParams params,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        if (page < 0 || page > 1_000_000) {
            throw new InvalidInputException("page", "OUT_OF_RANGE", "页码应在0至1000000之间");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "OUT_OF_RANGE", "每页条数应在1至1000之间");
        }
        AuditQuery query = params.query();
        return events.findAll(query.specification(time.zone()), PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "seq")))
                .map(EventDto::of).getContent();
    }

    @GetMapping("/api/audit/events.csv")
    @Operation(summary = "导出审计记录（CSV，UTF-8）")
    void export(@org.springdoc.core.annotations.ParameterObject AuditSearchParams params,
                HttpServletResponse response) throws IOException {
        writeCsv(csv, params.query(), response);
    }

    static void writeCsv(AuditCsv csv, AuditQuery query, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("审计记录.csv", StandardCharsets.UTF_8).build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        csv.write(query, out);
        out.flush();
    }

    @PostMapping("/api/audit/verification")
    @Operation(summary = "校验审计链（含归档段、链头与外部锚点），返回首个不符的序号")
    ChainReport verify() {
        return verifier.verify();
    }
}
