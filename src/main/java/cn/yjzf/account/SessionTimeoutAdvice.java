package cn.yjzf.account;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page the idle timeout, so it can warn before the session ends. */
@ControllerAdvice(annotations = Controller.class)
class SessionTimeoutAdvice {

    private final long seconds;

    SessionTimeoutAdvice(@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        this.seconds = timeout.toSeconds();
    }

    @ModelAttribute("sessionTimeoutSeconds")
    long sessionTimeoutSeconds() {
        return seconds;
    }
}
