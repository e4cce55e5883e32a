package cn.yjzf.publication;

import cn.yjzf.organisation.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 执法公示 for the deciding agency's 负责人: what is due, what is published, publish and withdraw. */
@RestController
@PreAuthorize("hasRole('APPROVER')")
class PublicationApi {

    private final PublicationService publications;

    PublicationApi(PublicationService publications) {
        this.publications = publications;
    }

    @Operation(summary = "执法公示：待公示的处罚决定（含公示期限）与已公示、已撤回的记录")
    @GetMapping("/api/publications")
    Map<String, List<?>> list(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("due", publications.candidates(user), "published", publications.published(user));
    }

    @Operation(summary = "公示一项处罚决定（个人信息脱敏后的快照）")
    @PostMapping("/api/publications")
    @ResponseStatus(HttpStatus.CREATED)
    PublicationEntry publish(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Publish body) {
        return publications.publish(user, body.caseId());
    }

    @Operation(summary = "撤回公示（须写明理由）")
    @PostMapping("/api/publications/{publication}/withdrawal")
    PublicationEntry withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable("publication") Long id,
                              @Valid @RequestBody Withdrawal body) {
        return publications.withdraw(user, id, body.reason(), body.version());
    }
}
