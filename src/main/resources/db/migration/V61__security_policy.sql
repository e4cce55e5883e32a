-- The password and lockout policy as the security administrator sets it. NULL = the deployment's configured value
-- (app.security.password.*, app.security.lockout.*). One row, edited with optimistic locking.
CREATE TABLE security_policy (
    id                     INTEGER      NOT NULL PRIMARY KEY,
    min_length             INTEGER,
    min_character_classes  INTEGER,
    history                INTEGER,
    max_age_days           INTEGER,
    max_failures           INTEGER,
    lock_minutes           INTEGER,
    changed_by             VARCHAR(50),
    changed_at             TIMESTAMP WITH TIME ZONE,
    version                BIGINT       NOT NULL DEFAULT 0
);
INSERT INTO security_policy (id, version) VALUES (1, 0);
