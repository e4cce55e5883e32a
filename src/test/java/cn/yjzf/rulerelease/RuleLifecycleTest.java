package cn.yjzf.rulerelease;

import cn.yjzf.review.ReviewStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yjzf.common.ConflictException;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.enterprise.EnterpriseService;
import cn.yjzf.inspection.FindingView;
import cn.yjzf.inspection.Inspection;
import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.NewFinding;
import cn.yjzf.inspection.NewInspection;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.judgment.JudgmentResult;
import cn.yjzf.judgment.RuleEngine;
import cn.yjzf.judgment.RuleFiles;
import cn.yjzf.organisation.CurrentUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The rule lifecycle on one instance, with two fictitious rule sets (src/test/resources/rules-lifecycle): selection
 * by inspection date, a broken file on disk, submission, validation, legal review, publication and re-judging.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:lifecycle;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.demo-data=true", "app.rules.sync-interval=PT1H", "app.rules.watch-interval=PT1H"})
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
class RuleLifecycleTest {

    static final Path FIXTURE = Path.of("src/test/resources/rules-lifecycle");
    static Path rulesDir;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) throws IOException {
        rulesDir = copyOfFixture("rules-lifecycle-");
        registry.add("app.rules.dir", () -> rulesDir.toString());
    }

    /** A fresh copy of the fixture under target/, for a test context's rules directory. */
    static Path copyOfFixture(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), prefix);
        FileSystemUtils.copyRecursively(FIXTURE, dir);
        return dir;
    }

    @Autowired RuleReleaseService releases;
    @Autowired LiveRules live;
    @Autowired DiskRules disk;
    @Autowired RuleEngine engine;
    @Autowired InspectionService inspections;
    @Autowired EnterpriseService enterprises;
    @Autowired ImpactPreview impact;
    @Autowired UserDetailsService users;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    @AfterEach
    void restoreDisk() throws IOException {
        FileSystemUtils.deleteRecursively(rulesDir);
        FileSystemUtils.copyRecursively(FIXTURE, rulesDir);
        SecurityContextHolder.clearContext();
    }

    private CurrentUser as(String username) {
        CurrentUser u = (CurrentUser) users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
        return u;
    }

    private FindingView judgeOn(LocalDate date, String answer) {
        CurrentUser officer = as("officer");
        CurrentUser officer2 = (CurrentUser) users.loadUserByUsername("officer2");
        Long enterprise = enterprises.search(officer.jurisdiction(), "恒通机械").get(0).getId();
        Inspection i = inspections.open(officer, new NewInspection(enterprise, date, "铸造车间",
                Set.of(officer.id(), officer2.id())));
        NewFinding finding = answer == null ? new NewFinding(null, Map.of(), "测试装置未设置", null)
                : new NewFinding("EX-01", Map.of("EX-01-DEVICE", answer), "测试装置未设置", null);
        return inspections.addFinding(officer, i.getId(), finding);
    }

    private RuleRelease validated(RuleReleaseService.Submitted s) throws Exception {
        return s.validated().get(2, TimeUnit.MINUTES);
    }

    private void write(String rel, String text) throws IOException {
        Files.writeString(rulesDir.resolve(rel), text, StandardCharsets.UTF_8);
    }

    private String read(String rel) throws IOException {
        return Files.readString(rulesDir.resolve(rel), StandardCharsets.UTF_8);
    }

    @Test
    void theRulesTheSystemStartedWithAreTheFirstLiveRelease() {
        RuleRelease first = releases.get(releases.liveReleaseId());
        assertThat(first.getOrigin()).isIn(RuleRelease.Origin.FIRST_START, RuleRelease.Origin.DIRECTORY);
        assertThat(first.getRuleSets()).extracting(ReleasedRuleSet::getSetId).contains("example-old", "example-new");
        assertThat(live.installedRelease()).isEqualTo(releases.liveReleaseId());
    }

    @Test
    void aFindingIsJudgedByTheRuleSetInForceOnItsInspectionDateAndItsStoredResultNamesIt() {
        FindingView before = judgeOn(LocalDate.of(2023, 5, 14), "否");
        assertThat(before.hazard().getGrade()).isEqualTo(HazardGrade.MAJOR);
        assertThat(before.hazard().getFiredRules()).containsExactly("EXAMPLE-OLD-01");
        assertThat(before.hazard().getRuleSets()).singleElement().asString().startsWith("example-old@1.0.0#sha256:");
        assertThat(before.hazard().getCitations().get(0).documentNumber()).isEqualTo("测试〔2017〕1号");

        FindingView onSwitch = judgeOn(LocalDate.of(2023, 5, 15), "否");
        assertThat(onSwitch.hazard().getFiredRules()).containsExactly("EXAMPLE-NEW-01");
        assertThat(onSwitch.hazard().getRuleSets()).singleElement().asString().startsWith("example-new@");

        // Before either set was in force no checklist applies: the finding is free text, left for manual grading.
        assertThatThrownBy(() -> judgeOn(LocalDate.of(2016, 12, 31), "否")).isInstanceOf(InvalidInputException.class);
        FindingView tooEarly = judgeOn(LocalDate.of(2016, 12, 31), null);
        assertThat(tooEarly.hazard().getGrade()).isEqualTo(HazardGrade.UNMATCHED);
        assertThat(tooEarly.hazard().getEngineReason()).contains("2016-12-31").contains("没有施行中");
    }

    @Test
    void aBrokenFileOnDiskIsReportedWithFileAndLineWhileJudgmentsGoOnWithTheLiveRules() throws IOException {
        write("example-new/rules.drl", read("example-new/rules.drl").replace("then", "then oops("));
        DiskRules.Status status = disk.check();
        assertThat(status.sameAsLive()).isFalse();
        assertThat(status.report().ok()).isFalse();
        assertThat(status.report().problems()).anySatisfy(p -> {
            assertThat(p.file()).endsWith("example-new/rules.drl");
            assertThat(p.line()).isPositive();
        });
        live.sync();
        FindingView judged = judgeOn(LocalDate.of(2024, 1, 10), "否");
        assertThat(judged.hazard().getFiredRules()).containsExactly("EXAMPLE-NEW-01");
    }

    @Test
    void onlyAValidatedReleaseApprovedByAnotherPersonGoesLiveAndOldJudgmentsStayReproducible() throws Exception {
        FindingView earlier = judgeOn(LocalDate.of(2024, 3, 1), "否");
        assertThat(earlier.hazard().getGrade()).isEqualTo(HazardGrade.MAJOR);
        Long previousLive = releases.liveReleaseId();

        // The new version downgrades the item from 重大 to 一般 (a real change a reviewer must see).
        write("example-new/ruleset.yaml", read("example-new/ruleset.yaml").replace("version: 1.0.0", "version: 1.1.0"));
        write("example-new/rules.drl", read("example-new/rules.drl").replace("HazardMatch.major", "HazardMatch.general"));
        write("example-new/scenarios/rules.yaml", read("example-new/scenarios/rules.yaml").replace("grade: 重大事故隐患", "grade: 一般事故隐患"));
        assertThatThrownBy(() -> releases.submitDirectory(as("reviewer"), "改为一般"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> releases.submitDirectory(as("maintainer"), " "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("changeNote"));
        RuleRelease submitted = validated(releases.submitDirectory(as("maintainer"), "测试装置缺失改判一般"));
        assertThat(submitted.getStatus()).isEqualTo(ReviewStatus.VALIDATED);
        assertThat(releases.report(submitted).scenarios()).hasSize(4).allMatch(ValidationReport.Scenario::passed);
        assertThat(releases.liveReleaseId()).isEqualTo(previousLive); // not live before review

        // Diff and impact preview before approving.
        assertThat(RuleDiff.between(releases.files(releases.get(previousLive)), releases.files(submitted)))
                .extracting(RuleDiff.FileDiff::path)
                .containsExactlyInAnyOrder("example-new/ruleset.yaml", "example-new/rules.drl", "example-new/scenarios/rules.yaml");
        ImpactPreview.Impact preview = impact.of(as("reviewer").jurisdiction(), submitted); // judged in the sandbox
        assertThat(preview.problem()).isNull();
        assertThatThrownBy(() -> releases.compiled(submitted)) // unreviewed code never compiles in this process
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("RELEASE_NOT_APPROVED"));
        assertThat(preview.changed()).anySatisfy(c -> {
            assertThat(c.stored().findingId()).isEqualTo(earlier.finding().getId());
            assertThat(c.candidate().grade()).isEqualTo(HazardGrade.GENERAL);
        });

        assertThatThrownBy(() -> releases.approve(as("maintainer"), submitted.getId(), submitted.getVersion(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> releases.approve(as("reviewer"), submitted.getId(), submitted.getVersion() - 1, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("STALE_VERSION"));
        releases.approve(as("reviewer"), submitted.getId(), submitted.getVersion(), "同意");
        assertThat(releases.liveReleaseId()).isEqualTo(submitted.getId());
        assertThat(releases.get(previousLive).getStatus()).isEqualTo(ReviewStatus.SUPERSEDED);

        live.sync();
        assertThat(live.installedRelease()).isEqualTo(submitted.getId());
        FindingView later = judgeOn(LocalDate.of(2024, 3, 1), "否");
        assertThat(later.hazard().getGrade()).isEqualTo(HazardGrade.GENERAL);
        assertThat(later.hazard().getRuleSets()).singleElement().asString().startsWith("example-new@1.1.0#");

        // The earlier finding, re-judged with the rules it recorded, gives the recorded result again.
        var stored = inspections.storedJudgment(as("officer").jurisdiction(), earlier.finding().getId());
        JudgmentResult again = RuleEngine.judge(releases.ruleSetsOf(stored.ruleSets()).orElseThrow(), stored.facts());
        assertThat(again.grade()).isEqualTo(HazardGrade.MAJOR);
        assertThat(again.firedRules()).isEqualTo(stored.firedRules());
        assertThat(again.ruleSets()).isEqualTo(stored.ruleSets());
        assertThat(engine.judge(stored.facts()).grade()).isEqualTo(HazardGrade.GENERAL);
    }

    @Test
    void aRejectedOrInvalidReleaseNeverGoesLive() throws Exception {
        Long liveBefore = releases.liveReleaseId();
        write("example-old/rules.drl", read("example-old/rules.drl").replace("rule \"", "rul \""));
        RuleRelease broken = validated(releases.submitDirectory(as("maintainer"), "语法错误的版本"));
        assertThat(broken.getStatus()).isEqualTo(ReviewStatus.INVALID);
        assertThat(releases.report(broken).problems()).anySatisfy(p -> assertThat(p.toString()).contains("example-old/rules.drl:"));
        assertThatThrownBy(() -> releases.approve(as("reviewer"), broken.getId(), broken.getVersion(), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("RELEASE_STATE"));

        restoreDisk();
        write("example-old/ruleset.yaml", read("example-old/ruleset.yaml").replace("version: 1.0.0", "version: 1.0.1"));
        RuleRelease fine = validated(releases.submitDirectory(as("maintainer"), "小改"));
        assertThatThrownBy(() -> releases.reject(as("reviewer"), fine.getId(), fine.getVersion(), ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("reason"));
        RuleRelease rejected = releases.reject(as("reviewer"), fine.getId(), fine.getVersion(), "依据不足");
        assertThat(rejected.getStatus()).isEqualTo(ReviewStatus.REJECTED);
        assertThatThrownBy(() -> releases.approve(as("reviewer"), fine.getId(), rejected.getVersion(), null))
                .isInstanceOf(ConflictException.class);
        live.sync();
        assertThat(releases.liveReleaseId()).isEqualTo(liveBefore);
        assertThat(live.installedRelease()).isEqualTo(liveBefore);
    }

    @Test
    void anAuthorCannotApproveTheirOwnRelease() throws Exception {
        // A user holding both roles still may not review their own submission.
        RuleRelease r = validated(releases.submitDirectory(as("maintainer"), "同一人"));
        RuleRelease same = releases.get(r.getId());
        assertThatThrownBy(() -> same.approve("maintainer", null, java.time.Instant.now()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("SELF_REVIEW"));
    }

    @Test
    void uploadsMayHoldOnlyRuleFilesUnderSafePaths() throws Exception {
        byte[] traversal = zip(Map.of("../evil.drl", "x"));
        assertThatThrownBy(() -> releases.submitUpload(as("maintainer"), traversal, "x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).code()).isEqualTo("UNSAFE_ENTRY"));
        byte[] script = zip(Map.of("rules/a/run.sh", "rm -rf /"));
        assertThatThrownBy(() -> releases.submitUpload(as("maintainer"), script, "x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).code()).isEqualTo("UNSAFE_ENTRY"));
        assertThatThrownBy(() -> releases.submitUpload(as("maintainer"), "not a zip".getBytes(StandardCharsets.UTF_8), "x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).code()).isEqualTo("NOT_A_ZIP"));
        assertThatThrownBy(() -> releases.submitUpload(as("maintainer"), new byte[ReleaseArchive.MAX_UPLOAD_BYTES + 1], "x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).code()).isEqualTo("FILE_TOO_LARGE"));
        int releasesBefore = releases.all().size();
        assertThatThrownBy(() -> releases.submitUpload(as("officer"), script, "x")).isInstanceOf(AccessDeniedException.class);
        assertThat(releases.all()).hasSize(releasesBefore); // nothing stored for a rejected upload

        RuleFiles fixture = RuleFiles.fromDirectory(FIXTURE);
        java.util.Map<String, String> entries = new java.util.TreeMap<>();
        fixture.files().forEach((k, v) -> entries.put("rules/" + k, v));
        RuleRelease uploaded = validated(releases.submitUpload(as("maintainer"), zip(entries), "上传同样的规则"));
        assertThat(uploaded.getStatus()).isEqualTo(ReviewStatus.VALIDATED);
        assertThat(uploaded.getContentHash()).isEqualTo(fixture.contentHash());
    }

    @Test
    void theMaintainerPageShowsDiskErrorsWithFileAndLineAndOnlyReviewersSeeTheApproveButton() throws Exception {
        write("example-new/rules.drl", read("example-new/rules.drl").replace("then", "then oops("));
        disk.check();
        mvc.perform(get("/rules").with(user(as("maintainer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("与在用版本不同")))
                .andExpect(content().string(matchesPattern("(?s).*example-new/rules\\.drl:\\d+: .*")))
                .andExpect(content().string(containsString("提交规则目录审核")));
        mvc.perform(get("/rules").with(user(as("officer")))).andExpect(status().isForbidden());

        restoreDisk();
        write("example-new/ruleset.yaml", read("example-new/ruleset.yaml").replace("version: 1.0.0", "version: 1.0.2"));
        String location = mvc.perform(post("/rules/releases").with(user(as("maintainer"))).with(csrf())
                        .param("changeNote", "页面提交"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Long id = Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
        for (int i = 0; i < 240 && releases.get(id).getStatus() == ReviewStatus.SUBMITTED; i++) {
            Thread.sleep(500);
        }
        RuleRelease r = releases.get(id);
        assertThat(r.getStatus()).isEqualTo(ReviewStatus.VALIDATED);
        mvc.perform(get("/rules/releases/" + id).with(user(as("maintainer"))))
                .andExpect(content().string(containsString("修改 example-new/ruleset.yaml")))
                .andExpect(content().string(not(containsString("批准并发布"))));
        mvc.perform(get("/rules/releases/" + id).with(user(as("reviewer"))))
                .andExpect(content().string(containsString("批准并发布")));
        mvc.perform(post("/rules/releases/" + id + "/approve").with(user(as("maintainer"))).with(csrf())
                .param("version", String.valueOf(r.getVersion()))).andExpect(status().isForbidden());
        mvc.perform(get("/rules/releases/" + id + "/impact").with(user(as("reviewer"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("条结果会改变")));
        mvc.perform(post("/rules/releases/" + id + "/approve").with(user(as("reviewer"))).with(csrf())
                .param("version", String.valueOf(r.getVersion())).param("note", "同意"))
                .andExpect(status().is3xxRedirection());
        assertThat(releases.liveReleaseId()).isEqualTo(id);
    }

    @Test
    void theRejudgmentApiReproducesAStoredJudgmentWithItsRecordedRules() throws Exception {
        FindingView f = judgeOn(LocalDate.of(2023, 5, 14), "否");
        mvc.perform(get("/api/findings/" + f.finding().getId() + "/rejudgment").with(user(as("officer"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded.grade").value("MAJOR"))
                .andExpect(jsonPath("$.withRecordedRules.firedRules[0]").value("EXAMPLE-OLD-01"))
                .andExpect(jsonPath("$.reproduced").value(true));
        mvc.perform(get("/api/findings/" + f.finding().getId() + "/rejudgment").with(user(as("township2"))))
                .andExpect(status().isNotFound());
    }

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
