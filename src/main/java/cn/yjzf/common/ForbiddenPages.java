package cn.yjzf.common;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A {@link ForbiddenException} on a web page: 403 with its reason in Chinese (the API answers with its code). */
@ControllerAdvice(annotations = Controller.class)
class ForbiddenPages {

    @ExceptionHandler(ForbiddenException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(ForbiddenException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "problem";
    }
}
