package cn.yjzf.rectification;

import cn.yjzf.security.ReadsCases;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.input.InputValidator;
import cn.yjzf.organisation.CurrentUser;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
@ReadsCases
class RectificationPages {

    private final RectificationService rectification;
    private final InputValidator input;

    RectificationPages(RectificationService rectification, InputValidator input) {
        this.rectification = rectification;
        this.input = input;
    }

    @PostMapping("/inspections/{id}/rectification-order")
    @PreAuthorize("hasAnyRole('OFFICER','TOWNSHIP_ENFORCER')")
    String issue(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                 @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        try {
            RectificationOrder order = rectification.issue(user, id, input.check(command(form)));
            redirect.addFlashAttribute("notice", "已下达" + order.getDocumentNo());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.problems());
        }
        return "redirect:/inspections/" + id;
    }

    /** The form's fields as the same {@link IssueOrder} the API takes; unparsable fields are named, never a 500. */
    private static IssueOrder command(MultiValueMap<String, String> form) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<Integer, LocalDate> deadlines = new HashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("deadline_") && !v.isEmpty() && v.get(0) != null && !v.get(0).isBlank()) {
                Integer seq = seq(k.substring(9));
                LocalDate deadline = date(k, v.get(0), problems);
                if (seq == null) {
                    problems.add(new FieldProblem(k, "INVALID_FORMAT", "整改期限对应的检查发现序号无效"));
                } else if (deadline != null) {
                    deadlines.put(seq, deadline);
                }
            }
        });
        String issueDate = form.getFirst("issueDate");
        if (issueDate == null || issueDate.isBlank()) {
            problems.add(new FieldProblem("issueDate", "REQUIRED", "请填写下达日期"));
        }
        LocalDate issued = issueDate == null || issueDate.isBlank() ? null : date("issueDate", issueDate, problems);
        String def = form.getFirst("defaultDeadline");
        LocalDate defaultDeadline = def == null || def.isBlank() ? null : date("defaultDeadline", def, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new IssueOrder(issued, defaultDeadline, deadlines);
    }

    private static Integer seq(String digits) {
        return digits.matches("[0-9]{1,4}") ? Integer.valueOf(digits) : null;
    }

    @GetMapping("/rectification-orders/{id}/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        return PdfResponses.attachment(rectification.get(user.jurisdiction(), id));
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "INVALID_FORMAT", "日期格式应为 年-月-日"));
            return null;
        }
    }
}
