-- PostgreSQL only (spring.flyway.locations adds db/vendor/{vendor}): audit rows are append-only for every role that
-- does not own the trigger, including the application's own. UPDATE and TRUNCATE always raise; DELETE raises unless
-- the row has first been archived (its seq lies inside a recorded archive segment, whose HMAC verification checks).
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.seq <= (SELECT COALESCE(MAX(last_seq), 0) FROM audit_archive_segment) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

CREATE FUNCTION audit_archive_segment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_archive_segment is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_archive_segment_no_change BEFORE UPDATE OR DELETE ON audit_archive_segment
    FOR EACH ROW EXECUTE FUNCTION audit_archive_segment_append_only();
CREATE TRIGGER audit_archive_segment_no_truncate BEFORE TRUNCATE ON audit_archive_segment
    FOR EACH STATEMENT EXECUTE FUNCTION audit_archive_segment_append_only();
