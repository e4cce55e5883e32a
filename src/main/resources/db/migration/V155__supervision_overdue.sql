-- 挂牌督办 listings past their deadline, marked by the daily job (OverdueSupervisionJob) like rectification items.
ALTER TABLE supervision_listing ADD COLUMN overdue BOOLEAN NOT NULL DEFAULT FALSE;
