package cn.yjzf.organisation;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Setting passwords under the {@link PasswordPolicy}: a user's own change, and temporary ones set by an administrator. */
@Service
public class Passwords {

    private static final String[] ALPHABETS = {"abcdefghijkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789", "#%+=@"};
    private final SecureRandom random = new SecureRandom();
    private final AppUserRepository users;
    private final PasswordHistoryRepository history;
    private final PasswordEncoder encoder;
    private final SecurityPolicies policies;
    private final AuditTrail audit;

    Passwords(AppUserRepository users, PasswordHistoryRepository history, PasswordEncoder encoder,
              SecurityPolicies policies, AuditTrail audit) {
        this.users = users;
        this.history = history;
        this.encoder = encoder;
        this.policies = policies;
        this.audit = audit;
    }

    public boolean matches(AppUser user, String raw) {
        return raw != null && encoder.matches(raw, user.getPasswordHash());
    }

    /**
     * The user's own change, after the caller has verified the current password: the new one follows the policy and
     * repeats none of the recent ones. The user no longer has to change it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void change(AppUser user, String next, String confirm) {
        PasswordPolicy policy = policies.password();
        List<FieldProblem> problems = new ArrayList<>(policy.problems("newPassword", user.getUsername(), next));
        if (next != null && !next.equals(confirm)) {
            problems.add(new FieldProblem("confirmPassword", "PASSWORDS_DIFFER", "两次输入的新口令不一致"));
        }
        if (problems.isEmpty() && reused(user, next, policy.history())) {
            problems.add(new FieldProblem("newPassword", "PASSWORD_REUSED",
                    "新口令不得与最近" + policy.history() + "次使用过的口令相同"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store(user, encoder.encode(next), false);
        audit.record(user.getUsername(), "PASSWORD_CHANGED", "AppUser", user.getId(), null);
    }

    /** A random temporary password that the user must change at the next login; returned once, to be handed over. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String setTemporary(AppUser user) {
        String temporary = temporaryPassword();
        store(user, encoder.encode(temporary), true);
        return temporary;
    }

    /** The first password of a new, unsaved account: temporary, to be changed at the first login. */
    public String setInitial(AppUser user) {
        String temporary = temporaryPassword();
        user.changePassword(encoder.encode(temporary), true, Instant.now());
        return temporary;
    }

    private void store(AppUser user, String hash, boolean mustChange) {
        Instant now = Instant.now();
        history.save(new PasswordHistory(user.getId(), user.getPasswordHash(), now));
        user.changePassword(hash, mustChange, now);
        users.saveAndFlush(user);
    }

    private boolean reused(AppUser user, String raw, int historyDepth) {
        if (encoder.matches(raw, user.getPasswordHash())) {
            return true;
        }
        int depth = Math.max(historyDepth - 1, 0);
        return depth > 0 && history.recent(user.getId(), PageRequest.of(0, depth)).stream()
                .anyMatch(h -> encoder.matches(raw, h.getPasswordHash()));
    }

    /** 14 characters with every character class, so it satisfies any configured complexity. */
    String temporaryPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            String alphabet = ALPHABETS[i < ALPHABETS.length ? i : random.nextInt(3)];
            sb.insert(random.nextInt(sb.length() + 1), alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
