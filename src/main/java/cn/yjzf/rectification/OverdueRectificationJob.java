package cn.yjzf.rectification;

import cn.yjzf.common.AppTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily: marks items past their deadline as overdue. ShedLock (table {@code shedlock}) makes it run on one instance
 * when several share the database; lockAtLeastFor keeps a second instance whose clock is slightly off from running it
 * again the same night.
 */
@Component
class OverdueRectificationJob {

    private static final Logger log = LoggerFactory.getLogger(OverdueRectificationJob.class);

    private final RectificationLifecycle lifecycle;
    private final AppTime time;

    OverdueRectificationJob(RectificationLifecycle lifecycle, AppTime time) {
        this.lifecycle = lifecycle;
        this.time = time;
    }

    @Scheduled(cron = "${app.rectification.overdue-cron:0 10 1 * * *}", zone = "${app.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "rectification-overdue", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void run() {
        int marked = lifecycle.markOverdue(time.today());
        log.info("整改逾期检查：新标记逾期 {} 项", marked);
    }
}
