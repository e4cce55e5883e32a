package cn.yjzf.security;

import cn.yjzf.organisation.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;

/**
 * 我的待办 ({@code GET /tasks}, casework's page) as the features that add their reminders to it recognise it: the
 * page itself, shown to a user who reads cases (so casework depends on none of them).
 */
public final class TasksPage {

    private TasksPage() {
    }

    public static boolean isShownTo(HttpServletRequest request, CurrentUser user) {
        return user != null && "GET".equals(request.getMethod())
                && "/tasks".equals(request.getRequestURI().substring(request.getContextPath().length()))
                && ReadsCases.ROLES.stream().anyMatch(user::has);
    }
}
