package cn.yjzf.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "认证", description = "用户名密码（HTTP Basic）换取短期访问令牌，之后以 Authorization: Bearer 调用其他接口")
class TokenApi {

    private final ApiTokens tokens;

    TokenApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/token")
    @Operation(summary = "签发访问令牌（默认 30 分钟有效）")
    ApiTokens.Issued issue(@AuthenticationPrincipal UserDetails user) {
        return tokens.issue(user.getUsername());
    }
}
