package cn.yjzf.common;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An oversized upload fails while the request is parsed, before any controller is chosen, so it needs an advice that
 * applies to every handler.
 */
@ControllerAdvice
class UploadLimitHandler {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    String tooLarge(Model model) {
        model.addAttribute("message", "上传的文件超过大小限制（证据附件不超过 20 MB，规则压缩包不超过 2 MB），未保存任何内容");
        return "problem";
    }
}
