-- Working-day calendar (行政处罚法 第八十五条, 行政强制法 第六十九条): the official yearly holiday schedule with its
-- make-up working days (调休), entered by an administrator per year. A year without a row in calendar_year is computed
-- from weekends and the fixed-date statutory holidays only, and deadlines in it are marked as not exact.

CREATE TABLE calendar_year (
    cal_year INTEGER      PRIMARY KEY,
    source   VARCHAR(300) NOT NULL,
    version  BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE calendar_day (
    cal_date  DATE        PRIMARY KEY,
    cal_year  INTEGER     NOT NULL REFERENCES calendar_year (cal_year),
    kind   VARCHAR(10) NOT NULL,   -- HOLIDAY (days off) or WORKDAY (调休上班 on a weekend)
    name   VARCHAR(30) NOT NULL
);
CREATE INDEX ix_calendar_day_year ON calendar_day (cal_year);

-- Seed: the published schedules (reference/holiday-schedules.md, as reprinted by 新华社 / 光明网).
INSERT INTO calendar_year (cal_year, source) VALUES
 (2025, '国办发明电〔2024〕12号（2024-11-12）'),
 (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）');

INSERT INTO calendar_day (cal_date, cal_year, kind, name) VALUES
 (DATE '2025-01-01', 2025, 'HOLIDAY', '元旦'),
 (DATE '2025-01-26', 2025, 'WORKDAY', '春节调休'),
 (DATE '2025-01-28', 2025, 'HOLIDAY', '春节'), (DATE '2025-01-29', 2025, 'HOLIDAY', '春节'),
 (DATE '2025-01-30', 2025, 'HOLIDAY', '春节'), (DATE '2025-01-31', 2025, 'HOLIDAY', '春节'),
 (DATE '2025-02-01', 2025, 'HOLIDAY', '春节'), (DATE '2025-02-02', 2025, 'HOLIDAY', '春节'),
 (DATE '2025-02-03', 2025, 'HOLIDAY', '春节'), (DATE '2025-02-04', 2025, 'HOLIDAY', '春节'),
 (DATE '2025-02-08', 2025, 'WORKDAY', '春节调休'),
 (DATE '2025-04-04', 2025, 'HOLIDAY', '清明节'), (DATE '2025-04-05', 2025, 'HOLIDAY', '清明节'),
 (DATE '2025-04-06', 2025, 'HOLIDAY', '清明节'),
 (DATE '2025-04-27', 2025, 'WORKDAY', '劳动节调休'),
 (DATE '2025-05-01', 2025, 'HOLIDAY', '劳动节'), (DATE '2025-05-02', 2025, 'HOLIDAY', '劳动节'),
 (DATE '2025-05-03', 2025, 'HOLIDAY', '劳动节'), (DATE '2025-05-04', 2025, 'HOLIDAY', '劳动节'),
 (DATE '2025-05-05', 2025, 'HOLIDAY', '劳动节'),
 (DATE '2025-05-31', 2025, 'HOLIDAY', '端午节'), (DATE '2025-06-01', 2025, 'HOLIDAY', '端午节'),
 (DATE '2025-06-02', 2025, 'HOLIDAY', '端午节'),
 (DATE '2025-09-28', 2025, 'WORKDAY', '国庆节、中秋节调休'),
 (DATE '2025-10-01', 2025, 'HOLIDAY', '国庆节、中秋节'), (DATE '2025-10-02', 2025, 'HOLIDAY', '国庆节、中秋节'),
 (DATE '2025-10-03', 2025, 'HOLIDAY', '国庆节、中秋节'), (DATE '2025-10-04', 2025, 'HOLIDAY', '国庆节、中秋节'),
 (DATE '2025-10-05', 2025, 'HOLIDAY', '国庆节、中秋节'), (DATE '2025-10-06', 2025, 'HOLIDAY', '国庆节、中秋节'),
 (DATE '2025-10-07', 2025, 'HOLIDAY', '国庆节、中秋节'), (DATE '2025-10-08', 2025, 'HOLIDAY', '国庆节、中秋节'),
 (DATE '2025-10-11', 2025, 'WORKDAY', '国庆节、中秋节调休'),
 (DATE '2026-01-01', 2026, 'HOLIDAY', '元旦'), (DATE '2026-01-02', 2026, 'HOLIDAY', '元旦'),
 (DATE '2026-01-03', 2026, 'HOLIDAY', '元旦'),
 (DATE '2026-01-04', 2026, 'WORKDAY', '元旦调休'),
 (DATE '2026-02-14', 2026, 'WORKDAY', '春节调休'),
 (DATE '2026-02-15', 2026, 'HOLIDAY', '春节'), (DATE '2026-02-16', 2026, 'HOLIDAY', '春节'),
 (DATE '2026-02-17', 2026, 'HOLIDAY', '春节'), (DATE '2026-02-18', 2026, 'HOLIDAY', '春节'),
 (DATE '2026-02-19', 2026, 'HOLIDAY', '春节'), (DATE '2026-02-20', 2026, 'HOLIDAY', '春节'),
 (DATE '2026-02-21', 2026, 'HOLIDAY', '春节'), (DATE '2026-02-22', 2026, 'HOLIDAY', '春节'),
 (DATE '2026-02-23', 2026, 'HOLIDAY', '春节'),
 (DATE '2026-02-28', 2026, 'WORKDAY', '春节调休'),
 (DATE '2026-04-04', 2026, 'HOLIDAY', '清明节'), (DATE '2026-04-05', 2026, 'HOLIDAY', '清明节'),
 (DATE '2026-04-06', 2026, 'HOLIDAY', '清明节'),
 (DATE '2026-05-01', 2026, 'HOLIDAY', '劳动节'), (DATE '2026-05-02', 2026, 'HOLIDAY', '劳动节'),
 (DATE '2026-05-03', 2026, 'HOLIDAY', '劳动节'), (DATE '2026-05-04', 2026, 'HOLIDAY', '劳动节'),
 (DATE '2026-05-05', 2026, 'HOLIDAY', '劳动节'),
 (DATE '2026-05-09', 2026, 'WORKDAY', '劳动节调休'),
 (DATE '2026-06-19', 2026, 'HOLIDAY', '端午节'), (DATE '2026-06-20', 2026, 'HOLIDAY', '端午节'),
 (DATE '2026-06-21', 2026, 'HOLIDAY', '端午节'),
 (DATE '2026-09-20', 2026, 'WORKDAY', '国庆节调休'),
 (DATE '2026-09-25', 2026, 'HOLIDAY', '中秋节'), (DATE '2026-09-26', 2026, 'HOLIDAY', '中秋节'),
 (DATE '2026-09-27', 2026, 'HOLIDAY', '中秋节'),
 (DATE '2026-10-01', 2026, 'HOLIDAY', '国庆节'), (DATE '2026-10-02', 2026, 'HOLIDAY', '国庆节'),
 (DATE '2026-10-03', 2026, 'HOLIDAY', '国庆节'), (DATE '2026-10-04', 2026, 'HOLIDAY', '国庆节'),
 (DATE '2026-10-05', 2026, 'HOLIDAY', '国庆节'), (DATE '2026-10-06', 2026, 'HOLIDAY', '国庆节'),
 (DATE '2026-10-07', 2026, 'HOLIDAY', '国庆节'),
 (DATE '2026-10-10', 2026, 'WORKDAY', '国庆节调休');
