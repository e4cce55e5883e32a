package cn.yjzf.statistics;

import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Upkeep of the hazard tally on one instance at a time (ShedLock): every few minutes the delta rows are folded;
 * nightly the tally is compared with the records and, should they differ, the difference is logged as an error and
 * the tally repaired from the records while writes go on. {@code --app.statistics.rebuild-tally=true} rebuilds it once at start-up
 * (after a restore or a bulk import that bypassed the application).
 */
@Component
class HazardTallyJob implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HazardTallyJob.class);

    private final HazardTally tally;
    private final boolean rebuildOnStart;

    HazardTallyJob(HazardTally tally, @Value("${app.statistics.rebuild-tally:false}") boolean rebuildOnStart) {
        this.tally = tally;
        this.rebuildOnStart = rebuildOnStart;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (rebuildOnStart) {
            tally.rebuild();
            log.info("统计汇总表已按记录重建");
        }
    }

    @Scheduled(cron = "${app.statistics.tally-fold-cron:0 */5 * * * *}", zone = "${app.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "statistics-tally-fold", lockAtMostFor = "PT10M")
    void fold() {
        int folded = tally.fold();
        log.debug("统计汇总表：合并 {} 行增量", folded);
    }

    @Scheduled(cron = "${app.statistics.tally-check-cron:0 40 2 * * *}", zone = "${app.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = "statistics-tally-fold", lockAtMostFor = "PT30M")
    void check() {
        List<String> differences = tally.differences();
        if (differences.isEmpty()) {
            log.info("统计汇总表核对：与记录一致");
            return;
        }
        log.error("统计汇总表核对：{} 处与记录不一致，已按记录修复；前几处：{}", differences.size(),
                differences.subList(0, Math.min(5, differences.size())));
        tally.repair();
    }
}
