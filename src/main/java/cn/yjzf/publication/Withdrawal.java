package cn.yjzf.publication;

import cn.yjzf.common.input.NoControlChars;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Withdrawing a publication: the reason is required (行政处罚法 第四十八条第二款), the version the caller saw. */
public record Withdrawal(
        @NotBlank(message = "请填写撤回理由") @Size(max = 500, message = "撤回理由不能超过500字")
        @NoControlChars(multiline = true, message = "撤回理由含有不允许的控制字符") String reason,
        @NotNull(message = "缺少版本号") Long version) {
}
