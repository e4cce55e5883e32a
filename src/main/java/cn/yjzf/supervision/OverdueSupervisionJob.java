package cn.yjzf.supervision;

import cn.yjzf.common.AppTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily: marks 挂牌督办 listings past their deadline as overdue (each mark audited), under ShedLock like the
 * rectification job so that exactly one instance runs it when several share the database.
 */
@Component
class OverdueSupervisionJob {

    private static final Logger log = LoggerFactory.getLogger(OverdueSupervisionJob.class);

    private final SupervisionService service;
    private final AppTime time;

    OverdueSupervisionJob(SupervisionService service, AppTime time) {
        this.service = service;
        this.time = time;
    }

    @Scheduled(cron = "${app.supervision.overdue-cron:0 15 1 * * *}", zone = "${app.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "supervision-overdue", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void run() {
        int marked = service.markOverdue(time.today());
        log.info("挂牌督办逾期检查：新标记逾期 {} 项", marked);
    }
}
