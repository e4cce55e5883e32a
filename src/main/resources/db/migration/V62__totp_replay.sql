-- The 30-second time step of the last accepted one-time code: a code is accepted once (RFC 6238 §5.2).
ALTER TABLE app_user ADD COLUMN totp_last_step BIGINT;
