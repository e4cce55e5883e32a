package cn.yjzf.audit;

import cn.yjzf.common.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计管理 page: search, export, verify, archived segments. Only the audit administrator reaches it. */
@Controller
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditPages {

    private static final int SHOWN = 200;

    private final AuditEventRepository events;
    private final ChainVerifier verifier;
    private final ArchiveSegments archive;
    private final AuditCsv csv;

    private final cn.yjzf.common.AppTime time;

    AuditPages(AuditEventRepository events, ChainVerifier verifier, ArchiveSegments archive, AuditCsv csv,
               cn.yjzf.common.AppTime time) {
        this.time = time;
        this.events = events;
        this.verifier = verifier;
        this.archive = archive;
        this.csv = csv;
    }

    @GetMapping("/audit")
    String page(AuditSearchParams params,
                Model model) {
        model.addAttribute("actor", params.actor()).addAttribute("from", params.from()).addAttribute("to", params.to())
                .addAttribute("action", params.action()).addAttribute("entityType", params.entityType())
                .addAttribute("entityId", params.entityId());
        try {
            AuditQuery query = params.query();
            var found = events.findAll(query.specification(time.zone()), PageRequest.of(0, SHOWN, Sort.by(Sort.Direction.DESC, "seq")));
            model.addAttribute("events", found.getContent()).addAttribute("total", found.getTotalElements());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems()).addAttribute("events", java.util.List.of()).addAttribute("total", 0);
        }
        model.addAttribute("report", verifier.last().orElse(null));
        model.addAttribute("segments", archive.segments());
        return "audit";
    }

    @PostMapping("/audit/verify")
    String verify() {
        verifier.verify();
        return "redirect:/audit?verified";
    }

    @GetMapping("/audit/export.csv")
    void export(AuditSearchParams params,
                HttpServletResponse response) throws IOException {
        AuditQuery query;
        try {
            query = params.query();
        } catch (InvalidInputException e) {
            response.sendError(400, "检索条件有误：" + e.getMessage());
            return;
        }
        AuditApi.writeCsv(csv, query, response);
    }
}
