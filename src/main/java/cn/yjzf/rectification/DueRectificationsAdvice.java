package cn.yjzf.rectification;

import cn.yjzf.security.TasksPage;
import cn.yjzf.organisation.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds the re-inspections due within seven days and the overdue items to 我的待办 ({@code /tasks}, casework's page)
 * without casework depending on rectification (which depends on casework for escalation).
 */
@ControllerAdvice(annotations = Controller.class)
class DueRectificationsAdvice {

    private final TrackRows rows;

    DueRectificationsAdvice(TrackRows rows) {
        this.rows = rows;
    }

    @ModelAttribute
    void due(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user, Model model) {
        if (TasksPage.isShownTo(request, user)) {
            model.addAttribute("rectificationDue", rows.due(user.jurisdiction()));
        }
    }
}
