package cn.yjzf.statistics;

import java.util.List;
import java.util.Map;

/** What /statistics shows: the period, the tables (also exported) and the series the charts draw. */
record Dashboard(Period period, List<StatTable> tables, Map<String, Object> chart) {

    StatTable table(String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
    }
}
