-- issue 12 (delegation): one matter vocabulary. A township's 委托/赋权 matters become codes of the enforcement-matter
-- catalogue (INSPECTION = 行政检查 with 责令改正 and 现场处理措施; otherwise the penalty module's violation codes).
-- Free-text rows that name inspection or 责令整改 map to INSPECTION; the stand-in table casework_delegation (whose matters
-- were article numbers) is folded into the township's own catalogue and then dropped. Rows that cannot be mapped stay as
-- they are: they match no code, so they authorise nothing, and the admin form asks for them to be chosen again.

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT tm.township_id, 'INSPECTION' FROM township_matter tm
WHERE (tm.matter LIKE '%检查%' OR tm.matter LIKE '%整改%' OR tm.matter LIKE '%责令改正%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = tm.township_id AND x.matter = 'INSPECTION');

DELETE FROM township_matter WHERE matter <> 'INSPECTION'
  AND (matter LIKE '%检查%' OR matter LIKE '%整改%' OR matter LIKE '%责令改正%');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-093' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-093%' OR d.matters LIKE '%安全生产法第九十三条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-093');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-094' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-094%' OR d.matters LIKE '%安全生产法第九十四条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-094');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-095' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-095%' OR d.matters LIKE '%安全生产法第九十五条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-095');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-096' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-096%' OR d.matters LIKE '%安全生产法第九十六条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-096');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-097-1' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-097-1%' OR d.matters LIKE '%安全生产法第九十七条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-097-1');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-097-2' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-097-2%' OR d.matters LIKE '%安全生产法第九十七条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-097-2');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-097-3' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-097-3%' OR d.matters LIKE '%安全生产法第九十七条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-097-3');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-097-4' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-097-4%' OR d.matters LIKE '%安全生产法第九十七条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-097-4');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-097-5' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-097-5%' OR d.matters LIKE '%安全生产法第九十七条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-097-5');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-097-6' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-097-6%' OR d.matters LIKE '%安全生产法第九十七条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-097-6');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-097-7' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-097-7%' OR d.matters LIKE '%安全生产法第九十七条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-097-7');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-098-1' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-098-1%' OR d.matters LIKE '%安全生产法第九十八条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-098-1');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-098-2' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-098-2%' OR d.matters LIKE '%安全生产法第九十八条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-098-2');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-098-3' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-098-3%' OR d.matters LIKE '%安全生产法第九十八条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-098-3');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-098-4' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-098-4%' OR d.matters LIKE '%安全生产法第九十八条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-098-4');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-099-1' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-099-1%' OR d.matters LIKE '%安全生产法第九十九条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-099-1');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-099-2' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-099-2%' OR d.matters LIKE '%安全生产法第九十九条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-099-2');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-099-3' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-099-3%' OR d.matters LIKE '%安全生产法第九十九条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-099-3');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-099-4' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-099-4%' OR d.matters LIKE '%安全生产法第九十九条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-099-4');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-099-5' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-099-5%' OR d.matters LIKE '%安全生产法第九十九条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-099-5');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-099-6' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-099-6%' OR d.matters LIKE '%安全生产法第九十九条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-099-6');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-099-7' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-099-7%' OR d.matters LIKE '%安全生产法第九十九条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-099-7');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-099-8' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-099-8%' OR d.matters LIKE '%安全生产法第九十九条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-099-8');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-100' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-100%' OR d.matters LIKE '%安全生产法第一百条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-100');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-101-1' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-101-1%' OR d.matters LIKE '%安全生产法第一百零一条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-101-1');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-101-2' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-101-2%' OR d.matters LIKE '%安全生产法第一百零一条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-101-2');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-101-3' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-101-3%' OR d.matters LIKE '%安全生产法第一百零一条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-101-3');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-101-4' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-101-4%' OR d.matters LIKE '%安全生产法第一百零一条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-101-4');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-101-5' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-101-5%' OR d.matters LIKE '%安全生产法第一百零一条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-101-5');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-102' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-102%' OR d.matters LIKE '%安全生产法第一百零二条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-102');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-103-1' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-103-1%' OR d.matters LIKE '%安全生产法第一百零三条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-103-1');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-103-2' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-103-2%' OR d.matters LIKE '%安全生产法第一百零三条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-103-2');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-103-3' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-103-3%' OR d.matters LIKE '%安全生产法第一百零三条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-103-3');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-103-3-Z' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-103-3-Z%' OR d.matters LIKE '%安全生产法第一百零三条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-103-3-Z');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-104' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-104%' OR d.matters LIKE '%安全生产法第一百零四条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-104');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-105-1' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-105-1%' OR d.matters LIKE '%安全生产法第一百零五条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-105-1');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-105-2' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-105-2%' OR d.matters LIKE '%安全生产法第一百零五条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-105-2');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-106' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-106%' OR d.matters LIKE '%安全生产法第一百零六条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-106');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-108' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-108%' OR d.matters LIKE '%安全生产法第一百零八条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-108');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-109' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-109%' OR d.matters LIKE '%安全生产法第一百零九条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-109');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-110-1' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-110-1%' OR d.matters LIKE '%安全生产法第一百一十条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-110-1');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-110-2' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-110-2%' OR d.matters LIKE '%安全生产法第一百一十条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-110-2');

INSERT INTO township_matter (township_id, matter)
SELECT DISTINCT d.township_id, 'AQF-114' FROM casework_delegation d
WHERE (d.matters LIKE '%AQF-114%' OR d.matters LIKE '%安全生产法第一百一十四条%')
  AND NOT EXISTS (SELECT 1 FROM township_matter x WHERE x.township_id = d.township_id AND x.matter = 'AQF-114');

DROP TABLE casework_delegation;
