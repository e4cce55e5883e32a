package cn.yjzf.penalty;

/** Why a row of an imported 基准 table is refused: the row number in the file (header = 1; 0 = the table itself). */
public record RowProblem(int line, String column, String message) {

    @Override
    public String toString() {
        return (line > 0 ? "第 " + line + " 行" : "表") + (column == null ? "" : "「" + column + "」") + "：" + message;
    }
}
