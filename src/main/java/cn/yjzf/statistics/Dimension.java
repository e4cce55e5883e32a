package cn.yjzf.statistics;

/** How a table's rows are grouped. The SQL expressions name the record's own columns (alias {@code r}). */
enum Dimension {
    TOTAL("合计", "'*'"),
    MONTH("月份", "CAST(CAST(EXTRACT(YEAR FROM r.%1$s) AS INTEGER) * 100 + CAST(EXTRACT(MONTH FROM r.%1$s) AS INTEGER)"
            + " AS VARCHAR(6))"),
    TOWNSHIP("乡镇（街道）", "COALESCE(CAST(r.township_id AS VARCHAR(20)), '')"),
    INDUSTRY("行业", "COALESCE(e.industry, '')"),
    ITEM("标准条款", "h.citations");

    private final String label;
    private final String expression;

    Dimension(String label, String expression) {
        this.label = label;
        this.expression = expression;
    }

    String label() {
        return label;
    }

    /** The grouping key for records dated by {@code dateColumn}. */
    String key(String dateColumn) {
        return expression.formatted(dateColumn);
    }
}
