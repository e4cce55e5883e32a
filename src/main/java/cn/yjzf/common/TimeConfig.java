package cn.yjzf.common;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link AppTime} from {@code app.time-zone}; bean validation's @PastOrPresent uses the same clock. */
@Configuration
class TimeConfig {

    @Bean
    AppTime appTime(@Value("${app.time-zone:Asia/Shanghai}") String zone) {
        return new AppTime(Clock.system(ZoneId.of(zone)));
    }

    @Bean
    ValidationConfigurationCustomizer validationClock(AppTime time) {
        return configuration -> configuration.clockProvider(time::clock);
    }
}
