package cn.yjzf.common;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link AppTime} from {@code app.time-zone}; bean validation's @PastOrPresent uses the same clock. */
@Configuration
class TimeConfig {

    /** The system clock in the bureau's zone; a {@link Clock} bean, if one is defined (tests), supplies the instant. */
    @Bean
    AppTime appTime(@Value("${app.time-zone:Asia/Shanghai}") String zone, ObjectProvider<Clock> clock) {
        return new AppTime(clock.getIfAvailable(Clock::systemUTC).withZone(ZoneId.of(zone)));
    }

    @Bean
    ValidationConfigurationCustomizer validationClock(AppTime time) {
        return configuration -> configuration.clockProvider(time::clock);
    }
}
