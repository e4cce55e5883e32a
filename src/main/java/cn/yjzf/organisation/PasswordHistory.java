package cn.yjzf.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A password hash a user had before, kept so that a new password cannot repeat a recent one. */
@Entity
class PasswordHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long userId;
    private String passwordHash;
    private Instant changedAt;

    protected PasswordHistory() {
    }

    PasswordHistory(Long userId, String passwordHash, Instant changedAt) {
        this.userId = userId;
        this.passwordHash = passwordHash;
        this.changedAt = changedAt;
    }

    String getPasswordHash() { return passwordHash; }
}
