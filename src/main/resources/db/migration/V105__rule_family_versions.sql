-- Penalty and procedure rules are released with the hazard rules (one release = the whole rules directory).
-- Every penalty proposal and every procedure-checked case step records the rule version that produced it:
-- "发布版本#<release id> sha256:<first 12 hex of the family's files>" ("启动目录 …" before the first release).
ALTER TABLE penalty_proposal ADD COLUMN rules_version VARCHAR(120);
ALTER TABLE case_transition ADD COLUMN rules_version VARCHAR(120);
