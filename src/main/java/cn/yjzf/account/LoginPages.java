package cn.yjzf.account;

import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Passwords;
import dev.samstevens.totp.qr.QrData;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The steps after the password: the second factor for administrators ({@code /login/totp}, with enrolment on first
 * use) and the password change an administrator's reset or the expiry forces ({@code /login/password}); plus a
 * signed-in user's own change and the idle-session keep-alive.
 */
@Controller
class LoginPages {

    private static final String ENROL_SECRET = "account.enrolSecret";

    private final AppUserRepository users;
    private final UserDetailsService directory;
    private final Totp totp;
    private final SecondFactor secondFactor;
    private final Passwords passwords;
    private final LoginAttempts attempts;
    private final TransactionTemplate tx;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LoginPages(AppUserRepository users, UserDetailsService directory, Totp totp, SecondFactor secondFactor,
               Passwords passwords, LoginAttempts attempts, TransactionTemplate tx) {
        this.users = users;
        this.directory = directory;
        this.totp = totp;
        this.secondFactor = secondFactor;
        this.passwords = passwords;
        this.attempts = attempts;
        this.tx = tx;
    }

    @GetMapping("/login/totp")
    String totpForm(HttpSession session, Model model) {
        String username = (String) session.getAttribute(LoginFlow.PENDING_TOTP);
        if (username == null) {
            return "redirect:/login";
        }
        AppUser user = users.findByUsername(username).orElseThrow();
        if (user.getTotpSecret() == null) {
            String secret = (String) session.getAttribute(ENROL_SECRET);
            if (secret == null) {
                secret = totp.newSecret();
                session.setAttribute(ENROL_SECRET, secret);
            }
            QrData data = totp.enrolment(username, secret);
            model.addAttribute("enrol", true);
            model.addAttribute("secret", secret);
            model.addAttribute("otpauthUri", data.getUri());
            model.addAttribute("qr", totp.qrDataUri(data));
        }
        model.addAttribute("username", username);
        return "login-totp";
    }

    @PostMapping("/login/totp")
    String totpSubmit(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                      HttpServletResponse response, Model model) {
        HttpSession session = request.getSession();
        String username = (String) session.getAttribute(LoginFlow.PENDING_TOTP);
        if (username == null) {
            return "redirect:/login";
        }
        if (!secondFactor.check(username, (String) session.getAttribute(ENROL_SECRET), code)) {
            if (users.findByUsername(username).orElseThrow().isLockedAt(Instant.now())) {
                session.removeAttribute(LoginFlow.PENDING_TOTP);
                return "redirect:/login?locked";
            }
            model.addAttribute("errors", List.of(new FieldProblem("code", "WRONG_TOTP", "动态口令不正确")));
            return totpForm(session, model);
        }
        session.removeAttribute(LoginFlow.PENDING_TOTP);
        session.removeAttribute(ENROL_SECRET);
        signIn(username, request, response);
        return "redirect:/admin";
    }

    /** Finishes a login whose every factor has been checked: a new session id and the full security context. */
    private void signIn(String username, HttpServletRequest request, HttpServletResponse response) {
        CurrentUser user = (CurrentUser) directory.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
    }

    @GetMapping("/login/password")
    String expiredForm(HttpSession session, Model model) {
        String username = (String) session.getAttribute(LoginFlow.PENDING_PASSWORD_CHANGE);
        if (username == null) {
            return "redirect:/login";
        }
        model.addAttribute("username", username);
        model.addAttribute("forced", true);
        return "password-change";
    }

    /** The forced change: not signed in, so the current password is checked here and wrong ones count as failures. */
    @PostMapping("/login/password")
    String expiredSubmit(@RequestParam(defaultValue = "") String currentPassword,
                         @RequestParam(defaultValue = "") String newPassword,
                         @RequestParam(defaultValue = "") String confirmPassword, HttpSession session, Model model) {
        String username = (String) session.getAttribute(LoginFlow.PENDING_PASSWORD_CHANGE);
        AppUser user = username == null ? null : users.findByUsername(username).orElse(null);
        if (user == null) {
            return "redirect:/login";
        }
        if (user.isLockedAt(Instant.now())) {
            return "redirect:/login?locked";
        }
        if (!passwords.matches(user, currentPassword)) {
            attempts.onBadPassword(username);
            model.addAttribute("errors", List.of(new FieldProblem("currentPassword", "WRONG_PASSWORD", "原口令不正确")));
            return expiredForm(session, model);
        }
        try {
            tx.executeWithoutResult(s -> passwords.change(users.findById(user.getId()).orElseThrow(), newPassword, confirmPassword));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return expiredForm(session, model);
        }
        session.removeAttribute(LoginFlow.PENDING_PASSWORD_CHANGE);
        return "redirect:/login?changed";
    }

    @GetMapping("/account/password")
    String ownForm(Model model) {
        model.addAttribute("forced", false);
        return "password-change";
    }

    @PostMapping("/account/password")
    String ownSubmit(@AuthenticationPrincipal CurrentUser me,
                     @RequestParam(defaultValue = "") String currentPassword,
                     @RequestParam(defaultValue = "") String newPassword,
                     @RequestParam(defaultValue = "") String confirmPassword, Model model) {
        AppUser user = users.findById(me.id()).orElseThrow();
        model.addAttribute("forced", false);
        if (!passwords.matches(user, currentPassword)) {
            model.addAttribute("errors", List.of(new FieldProblem("currentPassword", "WRONG_PASSWORD", "原口令不正确")));
            return "password-change";
        }
        try {
            tx.executeWithoutResult(s -> passwords.change(users.findById(user.getId()).orElseThrow(), newPassword, confirmPassword));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return "password-change";
        }
        model.addAttribute("notice", "口令已修改");
        return "password-change";
    }

    /** The page's "继续使用" button: any authenticated request renews the idle timeout. */
    @GetMapping("/session/keepalive")
    ResponseEntity<Void> keepAlive() {
        return ResponseEntity.noContent().build();
    }
}
