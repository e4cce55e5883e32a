package cn.yjzf.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yjzf.casework.CaseCommand.Action;
import cn.yjzf.common.ConflictException;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import cn.yjzf.penalty.PenaltyProposalService;
import cn.yjzf.penalty.PenaltyRules;
import cn.yjzf.penalty.ProposalRequest;
import cn.yjzf.penalty.ProposalResult;
import cn.yjzf.review.ReviewStatus;
import cn.yjzf.rulerelease.DiskRules;
import cn.yjzf.rulerelease.LiveRules;
import cn.yjzf.rulerelease.RuleRelease;
import cn.yjzf.rulerelease.RuleReleaseService;
import cn.yjzf.rulerelease.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The penalty and procedure rule families go through the same release lifecycle as the hazard rules, on a copy of
 * the real rules directory: a changed procedure rule is validated (in the sandbox), approved by a second person and
 * then refuses a case step without a restart; a broken penalty DRL is refused with file:line while the live penalty
 * rules keep computing proposals, which record the release that computed them.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:familyrelease;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "app.demo-data=true", "app.rules.sync-interval=PT1H", "app.rules.watch-interval=PT1H",
        "app.rules.orphan-check-interval=PT1H", "app.rules.sandbox.timeout=PT8M"})
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
class RuleFamilyReleaseTest {

    static final Path ORIGINAL = Path.of("rules");
    static final LocalDate FILED = LocalDate.of(2026, 2, 2);
    static Path rulesDir;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) throws IOException {
        rulesDir = Files.createTempDirectory(Path.of("target"), "family-release-");
        FileSystemUtils.copyRecursively(ORIGINAL, rulesDir);
        registry.add("app.rules.dir", () -> rulesDir.toString());
    }

    @Autowired RuleReleaseService releases;
    @Autowired LiveRules live;
    @Autowired DiskRules disk;
    @Autowired ProcedureRules procedure;
    @Autowired PenaltyRules penalty;
    @Autowired PenaltyProposalService proposals;
    @Autowired CaseworkService cases;
    @Autowired CaseFixtures fx;
    @Autowired UserDetailsService users;
    @Autowired AppUserRepository appUsers;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    @AfterEach
    void restoreDisk() throws IOException {
        FileSystemUtils.deleteRecursively(rulesDir);
        FileSystemUtils.copyRecursively(ORIGINAL, rulesDir);
        SecurityContextHolder.clearContext();
    }

    private CurrentUser as(String username) {
        return signIn((CurrentUser) users.loadUserByUsername(username));
    }

    private CurrentUser signIn(CurrentUser u) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
        return u;
    }

    private CurrentUser maintainerWhoIsAlsoAReviewer() {
        CurrentUser m = (CurrentUser) users.loadUserByUsername("maintainer");
        String name = "maint-rev-" + System.nanoTime() % 100000;
        AppUser u = new AppUser(name, "{noop}x", "孙审", m.agencyId(), null, null, null,
                java.util.Set.of(Role.RULE_MAINTAINER, Role.LEGAL_REVIEWER));
        u.qualifyLegally("法律职业资格（测试）");
        return CurrentUser.of(appUsers.save(u));
    }

    private static CaseCommand cmd(Action a, PenaltyCase c) {
        return CaseCommand.of(a, c.getVersion());
    }

    private void write(String rel, String text) throws IOException {
        Files.writeString(rulesDir.resolve(rel), text, StandardCharsets.UTF_8);
    }

    /** A fictitious, test-only procedure rule: an investigation needs two investigative acts before it concludes. */
    static final String EXTRA_RULE = """
            package rules.procedure;

            import cn.yjzf.casework.facts.CaseFacts;
            import cn.yjzf.casework.facts.Missing;

            rule "PROC-TEST-TWO-ACTS"
                @step("第二项调查取证")
                @requirement("（测试规则）调查终结前应至少有两项调查取证记录")
                @citation("测试用虚构要求")
                @verification("🟡")
            when
                CaseFacts( action == "CONCLUDE_INVESTIGATION", investigativeActs == 1 )
            then
                insert(Missing.of(kcontext));
            end
            """;

    static final String EXTRA_SCENARIOS = """
            scenarios:
              - name: 只有一项调查取证不能调查终结（测试规则）
                facts: { action: CONCLUDE_INVESTIGATION, investigativeActs: 1 }
                expect: { fired: [PROC-TEST-TWO-ACTS], notFired: [PROC-42-ACTS] }
              - name: 两项调查取证可以调查终结（测试规则）
                facts: { action: CONCLUDE_INVESTIGATION, investigativeActs: 2 }
                expect: { fired: [], notFired: [PROC-TEST-TWO-ACTS] }
            """;

    @Test
    void theRulesOnDiskAtFirstStartAreTheFirstReleaseOfEveryFamily() {
        Long first = releases.liveReleaseId();
        assertThat(live.installedRelease()).isEqualTo(first);
        assertThat(procedure.installed().releaseId()).isEqualTo(first);
        assertThat(penalty.installed().releaseId()).isEqualTo(first);
        assertThat(live.families()).extracting(f -> f.family().id()).containsExactlyInAnyOrder("penalty", "procedure");
    }

    @Test
    void theMaintenancePageShowsTheThreeFamiliesTheirLiveVersionsAndWhichOneChangedOnDisk() throws Exception {
        Files.writeString(rulesDir.resolve("procedure/review.drl"), "\n// 仅改注释\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        disk.check();
        String page = mvc.perform(get("/rules").with(user(users.loadUserByUsername("maintainer"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Long liveId = releases.liveReleaseId();
        assertThat(row(page, "hazard")).contains("隐患判定规则", "发布版本#" + liveId, "与在用一致");
        assertThat(row(page, "penalty")).contains("处罚裁量规则", "发布版本#" + liveId, "与在用一致");
        assertThat(row(page, "procedure")).contains("办案程序规则", "发布版本#" + liveId, "已修改，待提交")
                .doesNotContain("与在用一致");
    }

    /** The family's row of the page's rule-family table. */
    private static String row(String page, String family) {
        int from = page.indexOf("id=\"family-" + family + "\"");
        assertThat(from).as("row of %s", family).isPositive();
        return page.substring(from, page.indexOf("</tr>", from));
    }

    @Test
    void aChangedProcedureRuleIsValidatedApprovedByASecondPersonAndThenChecksCaseStepsWithoutRestart() throws Exception {
        CaseFixtures.Office o = fx.office();
        PenaltyCase c = cases.open(o.officer(), CaseFixtures.general(o.officer(), o.officer2(), "安全生产法第一百零二条"));
        c = cases.perform(o.officer(), c.getId(), cmd(Action.SUBMIT_FILING, c));
        c = cases.perform(o.approver(), c.getId(), new CaseCommand(Action.APPROVE, c.getVersion(), null, FILED, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        cases.addAct(o.officer(), c.getId(), new NewAct(CaseEnums.ActKind.INTERROGATION, FILED.plusDays(1), "询问当事人",
                List.of(o.officer().id(), o.officer2().id())));
        assertThat(cases.missingForNextStep(o.officer(), c.getId(), FILED.plusDays(2))).isEmpty();

        write("procedure/test-two-acts.drl", EXTRA_RULE);
        write("procedure/scenarios/test-two-acts.yaml", EXTRA_SCENARIOS);
        // the maintainer sees at once that the new rule breaks an existing scenario (the disk watcher, in the sandbox) …
        DiskRules.Status onDisk = disk.check();
        assertThat(onDisk.report().ok()).isFalse();
        assertThat(onDisk.report().scenarios()).filteredOn(s -> !s.passed()).singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo("有两名持证人员的询问笔录即可调查终结"));
        // … and updates that scenario to the new requirement before submitting
        String scenarios = Files.readString(rulesDir.resolve("procedure/scenarios/procedure.yaml"), StandardCharsets.UTF_8);
        String oneAct = "facts: { action: CONCLUDE_INVESTIGATION, investigativeActs: 1, uncertifiedActs: 0 }";
        assertThat(scenarios).contains(oneAct);
        write("procedure/scenarios/procedure.yaml", scenarios.replace(oneAct, oneAct.replace("Acts: 1", "Acts: 2")));
        assertThat(disk.check().report().ok()).isTrue();
        CurrentUser both = maintainerWhoIsAlsoAReviewer();
        RuleRelease submitted = releases.submitDirectory(signIn(both), "程序规则：调查终结前至少两项调查取证（测试）")
                .validated().get(8, TimeUnit.MINUTES);
        ValidationReport report = releases.report(submitted);
        assertThat(submitted.getStatus()).as("%s", report).isEqualTo(ReviewStatus.VALIDATED);
        assertThat(report.scenarios()).anyMatch(s -> s.file().endsWith("procedure/scenarios/test-two-acts.yaml") && s.passed());
        assertThat(report.scenarios()).anyMatch(s -> s.file().contains("penalty/anquanfa-2021/scenarios/"));
        // validated but not yet approved: the running procedure rules are unchanged
        assertThat(cases.missingForNextStep(o.officer(), c.getId(), FILED.plusDays(2))).isEmpty();

        // four eyes: the submitter may not approve it, even holding the reviewer's role
        assertThatThrownBy(() -> releases.approve(signIn(both), submitted.getId(), submitted.getVersion(), "自己批准"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("SELF_REVIEW"));
        assertThat(releases.get(submitted.getId()).getStatus()).isEqualTo(ReviewStatus.VALIDATED);

        RuleRelease approved = releases.approve(as("reviewer"), submitted.getId(), submitted.getVersion(), "同意");
        live.sync();
        assertThat(procedure.installed().releaseId()).isEqualTo(approved.getId());
        assertThat(penalty.installed().releaseId()).isEqualTo(approved.getId());

        PenaltyCase investigating = cases.get(o.officer(), c.getId());
        assertThatThrownBy(() -> cases.perform(o.officer(), investigating.getId(), cmd(Action.CONCLUDE_INVESTIGATION, investigating)))
                .isInstanceOf(ProcedureViolation.class).hasMessageContaining("缺少“第二项调查取证”");
        assertThat(cases.missingForNextStep(o.officer(), c.getId(), FILED.plusDays(2)))
                .extracting(m -> m.rule()).containsExactly("PROC-TEST-TWO-ACTS");

        cases.addAct(o.officer(), c.getId(), new NewAct(CaseEnums.ActKind.SITE_EXAMINATION, FILED.plusDays(2), "现场勘验",
                List.of(o.officer().id(), o.officer2().id())));
        PenaltyCase two = cases.get(o.officer(), c.getId());
        PenaltyCase concluded = cases.perform(o.officer(), two.getId(), cmd(Action.CONCLUDE_INVESTIGATION, two));
        assertThat(concluded.getStage()).isEqualTo(Stage.HANDLING);
        CaseTransition last = cases.history(o.officer(), c.getId()).stream()
                .filter(t -> t.getAction().equals("CONCLUDE_INVESTIGATION")).findFirst().orElseThrow();
        assertThat(last.getRulesVersion()).startsWith("发布版本#" + approved.getId() + " sha256:");
        assertThat(mvc.perform(get("/cases/" + c.getId()).with(user(o.officer()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("（程序规则 " + last.getRulesVersion() + "）");
    }

    @Test
    void aBrokenPenaltyRuleIsRefusedWithFileAndLineAndTheLivePenaltyRulesKeepComputing() throws Exception {
        Path frame = rulesDir.resolve("penalty/anquanfa-2021/frame-097-102.drl");
        String text = Files.readString(frame, StandardCharsets.UTF_8);
        int ruleLine = (int) text.lines().count() + 2; // the broken rule spans this line and the next four
        Files.writeString(frame, text + "\nrule \"BROKEN\"\nwhen\n    Offence( frame == \nthen\nend\n", StandardCharsets.UTF_8);

        RuleRelease submitted = releases.submitDirectory(as("maintainer"), "处罚规则：写坏的 DRL（测试）")
                .validated().get(8, TimeUnit.MINUTES);
        assertThat(submitted.getStatus()).isEqualTo(ReviewStatus.INVALID);
        assertThat(releases.report(submitted).problems()).anySatisfy(p -> {
            assertThat(p.file()).endsWith("penalty/anquanfa-2021/frame-097-102.drl");
            assertThat(p.line()).isBetween(ruleLine, ruleLine + 4);
        });
        assertThatThrownBy(() -> releases.approve(as("reviewer"), submitted.getId(), submitted.getVersion(), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("RELEASE_STATE"));

        // the disk watcher reports the same error; nothing of it runs
        DiskRules.Status onDisk = disk.check();
        assertThat(onDisk.report().problems()).anyMatch(p -> p.file().endsWith("penalty/anquanfa-2021/frame-097-102.drl"));

        Long liveId = releases.liveReleaseId();
        ProposalResult r = proposals.propose(as("officer"), new ProposalRequest(LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 4, 1), List.of(new ProposalRequest.ViolationRequest("AQF-102", "首次", null, null, null,
                        null, null, false, false, false, false, false, null, null, null))));
        assertThat(r.rulesVersion()).startsWith("发布版本#" + liveId + " sha256:");
        assertThat(proposals.stored(as("officer"), r.id()).getRulesVersion()).isEqualTo(r.rulesVersion());
        assertThat(r.violations().get(0).appliedComputation().statutory()).isNotEmpty();
    }
}
