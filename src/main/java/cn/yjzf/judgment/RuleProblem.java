package cn.yjzf.judgment;

/** A problem in the rules directory, shown to maintainers as {@code file:line: message}. */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
