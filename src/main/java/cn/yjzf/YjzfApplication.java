package cn.yjzf;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class YjzfApplication {

    public static void main(String[] args) {
        SpringApplication.run(YjzfApplication.class, args);
    }
}
