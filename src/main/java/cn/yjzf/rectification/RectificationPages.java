package cn.yjzf.rectification;

import cn.yjzf.common.AppTime;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.organisation.CurrentUser;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class RectificationPages {

    private final RectificationService rectification;
    private final AppTime time;

    RectificationPages(RectificationService rectification, AppTime time) {
        this.rectification = rectification;
        this.time = time;
    }

    @PostMapping("/inspections/{id}/rectification-order")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String issue(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                 @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        try {
            Map<Integer, LocalDate> deadlines = new HashMap<>();
            form.forEach((k, v) -> {
                if (k.startsWith("deadline_") && !v.isEmpty() && !v.get(0).isBlank()) {
                    deadlines.put(Integer.valueOf(k.substring(9)), date(k, v.get(0)));
                }
            });
            String issueDate = form.getFirst("issueDate");
            if (issueDate == null || issueDate.isBlank()) {
                throw new InvalidInputException("issueDate", "REQUIRED", "请填写下达日期");
            }
            LocalDate issued = date("issueDate", issueDate);
            if (issued.isAfter(time.today())) {
                throw new InvalidInputException("issueDate", "DATE_IN_FUTURE", "下达日期不能晚于今天");
            }
            String def = form.getFirst("defaultDeadline");
            RectificationOrder order = rectification.issue(user, id, new IssueOrder(issued,
                    def == null || def.isBlank() ? null : date("defaultDeadline", def), deadlines));
            redirect.addFlashAttribute("notice", "已下达" + order.getDocumentNo());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.problems());
        }
        return "redirect:/inspections/" + id;
    }

    @GetMapping("/rectification-orders/{id}/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return PdfResponses.attachment(rectification.get(user.jurisdiction(), id));
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "INVALID_FORMAT", "日期格式应为 年-月-日");
        }
    }
}
