package cn.yjzf.organisation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The password and lockout policy as the security administrator enters it. The bounds keep it within what
 * 等保三级 expects: at least 8 characters of 2 classes, a lockout after at most 10 failures.
 */
public record PolicyForm(
        @NotNull(message = "请填写口令最小长度") @Min(value = 8, message = "口令最小长度不少于8位") @Max(value = 64, message = "口令最小长度不超过64位") Integer minLength,
        @NotNull(message = "请填写字符类别数") @Min(value = 2, message = "字符类别数为2至4") @Max(value = 4, message = "字符类别数为2至4") Integer minCharacterClasses,
        @NotNull(message = "请填写口令历史次数") @Min(value = 1, message = "口令历史为1至24次") @Max(value = 24, message = "口令历史为1至24次") Integer history,
        @NotNull(message = "请填写口令有效天数") @Min(value = 0, message = "口令有效期为0至365天（0为不过期）") @Max(value = 365, message = "口令有效期为0至365天（0为不过期）") Integer maxAgeDays,
        @NotNull(message = "请填写锁定前允许的失败次数") @Min(value = 3, message = "失败次数为3至10次") @Max(value = 10, message = "失败次数为3至10次") Integer maxFailures,
        @NotNull(message = "请填写锁定时长") @Min(value = 5, message = "锁定时长为5至1440分钟") @Max(value = 1440, message = "锁定时长为5至1440分钟") Integer lockMinutes,
        Long version) {
}
