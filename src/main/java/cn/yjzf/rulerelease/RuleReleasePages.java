package cn.yjzf.rulerelease;

import cn.yjzf.common.ConflictException;
import cn.yjzf.common.FieldProblem;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.common.input.NoControlChars;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 规则维护: rule versions, their validation, diff and impact, submission and legal review. */
@Controller
@PreAuthorize("hasAnyRole('RULE_MAINTAINER','LEGAL_REVIEWER')")
class RuleReleasePages {

    /** Change notes and review notes are stored in VARCHAR(2000) columns. */
    private static final int NOTE = 2000;
    private static final String NOTE_MESSAGE = "说明不超过2000字";

    private final RuleReleaseService releases;
    private final LiveRules live;
    private final DiskRules disk;
    private final ImpactPreview impact;
    private final cn.yjzf.common.Paging paging;

    RuleReleasePages(RuleReleaseService releases, LiveRules live, DiskRules disk, ImpactPreview impact,
                     cn.yjzf.common.Paging paging) {
        this.paging = paging;
        this.releases = releases;
        this.live = live;
        this.disk = disk;
        this.impact = impact;
    }

    @GetMapping("/rules")
    String overview(@RequestParam(defaultValue = "1") int page, Model model) {
        Long liveId = releases.liveReleaseId();
        model.addAttribute("live", liveId == null ? null : releases.get(liveId));
        model.addAttribute("installed", live.installedRelease());
        model.addAttribute("failure", live.lastFailure());
        DiskRules.Status onDisk = disk.check();
        model.addAttribute("disk", onDisk);
        model.addAttribute("families", RuleFamilies.rows(live.installedRelease(), live.installedHazardHash(), live.families(), onDisk));
        model.addAttribute("page", releases.page(paging.page(page)));
        return "rules";
    }

    @GetMapping("/rules/releases/{id}")
    String release(@PathVariable Long id, @RequestParam(required = false) Long against, Model model) {
        RuleRelease r = releases.get(id);
        Long liveId = releases.liveReleaseId();
        Long base = against != null ? against : (liveId != null && !liveId.equals(id) ? liveId : null);
        model.addAttribute("release", r);
        model.addAttribute("report", releases.report(r));
        model.addAttribute("against", base);
        model.addAttribute("diff", base == null ? List.of()
                : RuleDiff.between(releases.files(releases.get(base)), releases.files(r)));
        model.addAttribute("releases", releases.all());
        return "rule-release";
    }

    @GetMapping("/rules/releases/{id}/impact")
    String impact(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        RuleRelease r = releases.get(id);
        model.addAttribute("release", r);
        model.addAttribute("impact", impact.of(user.jurisdiction(), r));
        return "rule-impact";
    }

    @PostMapping("/rules/releases")
    String submitDirectory(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Size(max = NOTE, message = NOTE_MESSAGE) @NoControlChars(multiline = true) String changeNote,
                           RedirectAttributes redirect) {
        return submitted(() -> releases.submitDirectory(user, changeNote), "已提交", redirect);
    }

    static final long MAX_ZIP_BYTES = 2L * 1024 * 1024;

    @PostMapping("/rules/releases/upload")
    String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) @Size(max = NOTE, message = NOTE_MESSAGE) @NoControlChars(multiline = true)
                  String changeNote, RedirectAttributes redirect) {
        return submitted(() -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException(List.of(new FieldProblem("file", "REQUIRED", "请选择规则压缩包（zip）")));
            }
            if (file.getSize() > MAX_ZIP_BYTES) { // the multipart limit is set for case evidence (20 MB)
                throw new InvalidInputException(List.of(new FieldProblem("file", "FILE_TOO_LARGE", "规则压缩包不超过 2 MB")));
            }
            try {
                return releases.submitUpload(user, file.getBytes(), changeNote);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "已上传", redirect);
    }

    private static String submitted(Supplier<RuleReleaseService.Submitted> submit, String verb, RedirectAttributes redirect) {
        try {
            RuleRelease r = submit.get().release();
            redirect.addFlashAttribute("notice", verb + "规则版本 #" + r.getId() + "，正在后台编译并运行全部场景");
            return "redirect:/rules/releases/" + r.getId();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.problems());
            return "redirect:/rules";
        }
    }

    @PostMapping("/rules/releases/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @RequestParam long version,
                   @RequestParam(required = false) @Size(max = NOTE, message = NOTE_MESSAGE) @NoControlChars(multiline = true)
                   String note, RedirectAttributes redirect) {
        try {
            releases.approve(user, id, version, note);
            redirect.addFlashAttribute("notice", "规则版本 #" + id + " 已批准发布，各实例将在后台校验后切换");
            java.util.concurrent.CompletableFuture.runAsync(live::sync);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(new FieldProblem("version", e.code(), e.getMessage())));
        }
        return "redirect:/rules/releases/" + id;
    }

    @PostMapping("/rules/releases/{id}/reject")
    String reject(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @RequestParam long version,
                  @RequestParam(required = false) @Size(max = NOTE, message = NOTE_MESSAGE) @NoControlChars(multiline = true)
                  String reason, RedirectAttributes redirect) {
        try {
            releases.reject(user, id, version, reason);
            redirect.addFlashAttribute("notice", "规则版本 #" + id + " 已驳回");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(new FieldProblem("version", e.code(), e.getMessage())));
        }
        return "redirect:/rules/releases/" + id;
    }
}
