package cn.yjzf.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The bureau's wall clock: every time a page shows and every "today" a date is checked against (检查日期、下达日期不能
 * 晚于今天) is in {@code app.time-zone} (default 北京时间, Asia/Shanghai), whatever the server's own time zone is.
 * Stored instants stay UTC. Templates use it as {@code ${@appTime.minutes(instant)}}.
 */
public class AppTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Clock clock;

    public AppTime(Clock clock) {
        this.clock = clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Clock clock() {
        return clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** 2025-06-10 14:05 */
    public String minutes(Instant at) {
        return at == null ? "" : MINUTES.format(at.atZone(zone()));
    }

    /** 2025年6月10日 14:05 */
    public String chinese(Instant at) {
        return at == null ? "" : CHINESE.format(at.atZone(zone()));
    }

    /** 14:05:09 */
    public String seconds(Instant at) {
        return at == null ? "" : SECONDS.format(at.atZone(zone()));
    }
}
