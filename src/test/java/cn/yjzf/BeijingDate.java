package cn.yjzf;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The bureau's date as the application sees it (AppTime, {@code app.time-zone} = Asia/Shanghai). Tests compare with
 * it, never with the JVM's own zone: on a UTC machine the two differ from 16:00 to 24:00.
 */
public final class BeijingDate {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BeijingDate() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
