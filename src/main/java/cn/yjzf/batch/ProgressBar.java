package cn.yjzf.batch;

import java.io.PrintStream;

/** A text progress bar on stderr: redrawn in place on a terminal, one line per 10% when redirected to a file. */
final class ProgressBar {

    private final PrintStream out;
    private final long total;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int lastDecile = -1;

    ProgressBar(PrintStream out, long total) {
        this.out = out;
        this.total = Math.max(total, 1);
        this.terminal = System.console() != null;
    }

    void update(long done) {
        int percent = (int) (done * 100 / total);
        if (!terminal && percent / 10 == lastDecile && done < total) {
            return;
        }
        lastDecile = percent / 10;
        int filled = percent / 4;
        double seconds = (System.nanoTime() - started) / 1e9;
        String line = String.format("[%-25s] %3d%%  %,d/%,d  %,.0f 条/秒", "#".repeat(filled), percent, done, total,
                seconds > 0 ? done / seconds : 0.0);
        out.print(terminal ? "\r" + line : line + "\n");
        if (terminal && done >= total) {
            out.println();
        }
        out.flush();
    }
}
