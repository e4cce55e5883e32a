package cn.yjzf.enterprise;

import cn.yjzf.common.input.NoControlChars;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** What registering an enterprise takes; bound from the web form and the JSON API alike. */
public record NewEnterprise(
        @NotBlank(message = "请填写统一社会信用代码") @CreditCode String creditCode,
        @NotBlank(message = "请填写单位名称") @Size(max = 200, message = "单位名称不超过200字") @NoControlChars String name,
        @NotNull(message = "请选择行业") Industry industry,
        Long townshipId,
        @NotBlank(message = "请填写地址") @Size(max = 300, message = "地址不超过300字") @NoControlChars String address,
        @NotBlank(message = "请填写法定代表人") @Size(max = 50, message = "法定代表人不超过50字") @NoControlChars String legalRepresentative,
        @Size(max = 20, message = "企业标记过多") Set<@NotNull(message = "企业标记不能为空") EnterpriseFlag> flags,
        @Min(value = 1, message = "重大危险源等级为1至4级") @Max(value = 4, message = "重大危险源等级为1至4级")
        Integer majorHazardSourceLevel) {
}
