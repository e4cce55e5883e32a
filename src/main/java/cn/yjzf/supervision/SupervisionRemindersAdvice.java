package cn.yjzf.supervision;

import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.security.TasksPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds the 挂牌督办 reminders to 我的待办 ({@code /tasks}), as the rectification reminders are added. */
@ControllerAdvice(annotations = Controller.class)
class SupervisionRemindersAdvice {

    private final SupervisionReminders reminders;

    SupervisionRemindersAdvice(SupervisionReminders reminders) {
        this.reminders = reminders;
    }

    @ModelAttribute
    void due(HttpServletRequest request, @AuthenticationPrincipal CurrentUser user, Model model) {
        if (TasksPage.isShownTo(request, user)) {
            model.addAttribute("supervisionDue", reminders.of(user));
        }
    }
}
