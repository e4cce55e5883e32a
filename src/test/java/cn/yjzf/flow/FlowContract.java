package cn.yjzf.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.documents.DocumentNumbers;
import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.IssuedNumber;
import cn.yjzf.documents.NumberRequest;
import cn.yjzf.documents.SequenceScope;
import cn.yjzf.enterprise.Enterprise;
import cn.yjzf.enterprise.EnterpriseFlag;
import cn.yjzf.enterprise.EnterpriseService;
import cn.yjzf.enterprise.Industry;
import cn.yjzf.inspection.FindingView;
import cn.yjzf.inspection.Inspection;
import cn.yjzf.inspection.InspectionService;
import cn.yjzf.inspection.ManualGrade;
import cn.yjzf.inspection.NewFinding;
import cn.yjzf.inspection.NewInspection;
import cn.yjzf.judgment.HazardGrade;
import cn.yjzf.rectification.IssueOrder;
import cn.yjzf.rectification.RectificationOrder;
import cn.yjzf.rectification.RectificationService;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The walking skeleton end to end at the service level, run against every supported database
 * ({@link H2FlowTest}, {@link PostgresFlowTest}): judged findings, the rectification order PDF, gapless document
 * numbers under concurrency, jurisdiction scoping and the audit chain.
 */
abstract class FlowContract {

    @Autowired Fixtures fixtures;
    @Autowired InspectionService inspections;
    @Autowired EnterpriseService enterprises;
    @Autowired RectificationService rectification;
    @Autowired DocumentNumbers numbers;
    @Autowired AuditTrail audit;
    @Autowired cn.yjzf.audit.ChainVerifier verifier;
    @Autowired PlatformTransactionManager txManager;

    Fixtures.Bureau bureau;
    Enterprise cement;

    @BeforeEach
    void setUp() {
        bureau = fixtures.bureau("测应急");
        cement = fixtures.enterprise(bureau, Industry.BUILDING_MATERIALS, bureau.township(), Set.of(EnterpriseFlag.DUST_EXPLOSION));
    }

    Inspection inspect(LocalDate date) {
        return inspections.open(bureau.officer(), new NewInspection(cement.getId(), date, "煤磨车间",
                Set.of(bureau.officer().id(), bureau.officer2().id())));
    }

    @Test
    void aFindingIsJudgedAndStoredWithItsCitationsRulesAndRuleSet() {
        Inspection i = inspect(LocalDate.of(2025, 6, 10));
        FindingView f = inspections.addFinding(bureau.officer(), i.getId(), new NewFinding("GM-06-01",
                Map.of("GM-06-01-TEMP", "正常", "GM-06-01-CO", "失效", "GM-06-01-EXTINGUISH", "正常"),
                "煤粉仓一氧化碳监测报警装置损坏", "2号煤粉仓"));

        FindingView stored = inspections.view(bureau.officer().jurisdiction(), i.getId()).findings().get(0);
        assertThat(stored.hazard().getGrade()).isEqualTo(HazardGrade.MAJOR);
        assertThat(stored.hazard().getFiredRules()).containsExactlyInAnyOrder("GM2023-06-01", "GM2023-14");
        assertThat(stored.hazard().getCitations()).extracting(c -> c.article() + c.item())
                .containsExactly("第六条（一）", "第十四条");
        assertThat(stored.hazard().getRuleSets()).singleElement().asString().matches("gongmao-2023@1\\.0\\.0#sha256:[0-9a-f]{64}");
        assertThat(stored.hazard().getAsOf()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(f.finding().getAnswers()).containsEntry("GM-06-01-CO", "失效");
    }

    @Test
    void freeTextIsUnmatchedUntilGradedManuallyWithAReason() {
        Inspection i = inspect(LocalDate.of(2025, 6, 10));
        FindingView f = inspections.addFinding(bureau.officer(), i.getId(), new NewFinding(null, null, "消防通道堆放杂物", null));
        assertThat(f.hazard().getGrade()).isEqualTo(HazardGrade.UNMATCHED);
        assertThat(f.hazard().getEngineReason()).contains("人工判定");

        assertThatThrownBy(() -> rectification.issue(bureau.officer(), i.getId(),
                new IssueOrder(LocalDate.of(2025, 6, 10), LocalDate.of(2025, 7, 10), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("未匹配");

        inspections.gradeManually(bureau.officer(), i.getId(), f.finding().getId(),
                new ManualGrade(HazardGrade.GENERAL, "堵塞疏散通道，可立即整改", f.hazard().getVersion()));
        FindingView graded = inspections.view(bureau.officer().jurisdiction(), i.getId()).findings().get(0);
        assertThat(graded.hazard().getGrade()).isEqualTo(HazardGrade.GENERAL);
        assertThat(graded.hazard().getEngineGrade()).isEqualTo(HazardGrade.UNMATCHED);
        assertThat(graded.hazard().getManualReason()).isEqualTo("堵塞疏散通道，可立即整改");
    }

    @Test
    void aStaleManualGradeIsRejectedAsAConcurrentEdit() {
        Inspection i = inspect(LocalDate.of(2025, 6, 10));
        FindingView f = inspections.addFinding(bureau.officer(), i.getId(), new NewFinding(null, null, "其他问题", null));
        inspections.gradeManually(bureau.officer(), i.getId(), f.finding().getId(),
                new ManualGrade(HazardGrade.GENERAL, "第一次", f.hazard().getVersion()));
        assertThatThrownBy(() -> inspections.gradeManually(bureau.officer2(), i.getId(), f.finding().getId(),
                new ManualGrade(HazardGrade.MAJOR, "基于旧版本", f.hazard().getVersion())))
                .hasMessageContaining("已被他人修改");
    }

    @Test
    void theRectificationOrderPdfCarriesNumberEnterpriseAndEveryHazardWithGradeAndDeadline() throws IOException {
        Inspection i = inspect(LocalDate.of(2025, 6, 10));
        inspections.addFinding(bureau.officer(), i.getId(), new NewFinding("GM-06-06",
                Map.of("GM-06-06-GAS", "未设置"), "燃气配气间未设置可燃气体浓度监测报警装置", "燃气配气间"));
        FindingView free = inspections.addFinding(bureau.officer(), i.getId(),
                new NewFinding(null, null, "A3车间电焊作业区灭火器过期（堃喆）", null));
        inspections.gradeManually(bureau.officer(), i.getId(), free.finding().getId(),
                new ManualGrade(HazardGrade.GENERAL, "可立即整改", free.hazard().getVersion()));

        RectificationOrder order = rectification.issue(bureau.officer(), i.getId(), new IssueOrder(
                LocalDate.of(2025, 6, 11), LocalDate.of(2025, 7, 11), Map.of(2, LocalDate.of(2025, 6, 20))));

        assertThat(order.getDocumentNo()).isEqualTo("测应急责改〔2025〕1号");
        try (PDDocument pdf = Loader.loadPDF(order.getPdf())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("责令限期整改指令书", "测应急责改〔2025〕1号", cement.getName(),
                    "燃气配气间未设置可燃气体浓度监测报警装置", "重大事故隐患", "2025年7月11日",
                    "第六条第（六）项", "A3车间电焊作业区灭火器过期（堃喆）", "一般事故隐患", "2025年6月20日",
                    "第六十五条第一款第（三）项", bureau.agency().getName());
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
        }
        Inspection frozen = inspections.get(bureau.officer().jurisdiction(), i.getId());
        assertThat(frozen.getStatus()).isEqualTo(Inspection.Status.ORDER_ISSUED);
        assertThat(frozen.getOrderNo()).isEqualTo(order.getDocumentNo());
        assertThatThrownBy(() -> inspections.addFinding(bureau.officer(), i.getId(), new NewFinding(null, null, "补充", null)))
                .hasMessageContaining("已下达整改指令");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void documentNumbersAreGaplessAndUniqueUnderConcurrentRequests() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(txManager);
        Long agency = bureau.agency().getId();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int n = 0; n < 40; n++) {
                futures.add(pool.submit(() -> tx.execute(s -> numbers.next(agency, DocumentType.RECTIFICATION_ORDER, 2031))));
            }
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> f : futures) {
                got.add(f.get());
            }
            Collections.sort(got);
            assertThat(got).containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        // a rolled-back allocation gives its number back
        TransactionTemplate rollback = new TransactionTemplate(txManager);
        rollback.executeWithoutResult(s -> {
            numbers.next(agency, DocumentType.RECTIFICATION_ORDER, 2031);
            s.setRollbackOnly();
        });
        assertThat(tx.<Integer>execute(s -> numbers.next(agency, DocumentType.RECTIFICATION_ORDER, 2031))).isEqualTo(41);
        // numbering restarts per year
        assertThat(tx.<Integer>execute(s -> numbers.next(agency, DocumentType.RECTIFICATION_ORDER, 2032))).isEqualTo(1);
    }

    /**
     * Orders issued at once through the real path: each is laid out before the counter is locked and only gets its
     * number written in under the lock, so the numbers must still be gapless and unique and each PDF must print its
     * own number, exactly once.
     */
    @Test
    void ordersIssuedConcurrentlyAreNumberedWithoutGapsAndEachPdfPrintsItsOwnNumberOnce() throws Exception {
        LocalDate day = LocalDate.of(2025, 6, 10);
        Fixtures.Bureau own = fixtures.bureau("并应急"); // 文号 are unique across agencies: a short name no other test uses
        Enterprise plant = fixtures.enterprise(own, Industry.BUILDING_MATERIALS, own.township(), Set.of(EnterpriseFlag.DUST_EXPLOSION));
        List<Long> ready = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            Inspection i = inspections.open(own.officer(), new NewInspection(plant.getId(), day, "煤磨车间",
                    Set.of(own.officer().id(), own.officer2().id())));
            inspections.addFinding(own.officer(), i.getId(), new NewFinding("GM-06-06", Map.of("GM-06-06-GAS", "未设置"),
                    "燃气配气间未设置可燃气体浓度监测报警装置", "燃气配气间"));
            ready.add(i.getId());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<RectificationOrder> issued = new ArrayList<>();
        try {
            List<Future<RectificationOrder>> futures = new ArrayList<>();
            for (Long id : ready) {
                futures.add(pool.submit(() -> rectification.issue(own.officer(), id,
                        new IssueOrder(day, day.plusDays(20), null))));
            }
            for (Future<RectificationOrder> f : futures) {
                issued.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(issued.stream().map(RectificationOrder::getDocumentNo).sorted(java.util.Comparator.comparingInt(
                no -> Integer.parseInt(no.replaceAll(".*〕(\\d+)号$", "$1")))).toList())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 12).mapToObj(n -> "并应急责改〔2025〕" + n + "号").toList());
        for (RectificationOrder order : issued) {
            try (PDDocument pdf = Loader.loadPDF(order.getPdf())) {
                String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
                assertThat(text.split(java.util.regex.Pattern.quote(order.getDocumentNo()), -1)).as(text).hasSize(2);
                assertThat(text.replace(order.getDocumentNo(), "")).doesNotContain("责改〔");
            }
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    /** 40 concurrent draws under the per-officer and per-case scopes: each counter gapless, no case with two serials. */
    @Test
    void perOfficerAndPerCaseNumbersAreGaplessUnderConcurrentRequests() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(txManager);
        Long agency = bureau.agency().getId();
        String shortName = bureau.agency().getShortName();
        Long[] officers = {bureau.officer().id(), bureau.officer2().id()};
        long caseBase = 9_000_000L + agency * 100; // case ids are only keys here; no other test uses this range
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<IssuedNumber>> byOfficer = new ArrayList<>();
            List<Future<IssuedNumber>> byCase = new ArrayList<>();
            for (int n = 0; n < 40; n++) {
                Long officer = officers[n % 2];
                byOfficer.add(pool.submit(() -> tx.execute(s -> numbers.allocate(new NumberRequest(agency, shortName,
                        DocumentType.RECTIFICATION_ORDER, 2033, null, officer, "证" + officer), SequenceScope.OFFICER))));
                long caseId = caseBase + n % 4;
                byCase.add(pool.submit(() -> tx.execute(s -> numbers.allocate(new NumberRequest(agency, shortName,
                        DocumentType.RECTIFICATION_ORDER, 2033, caseId, null, null), SequenceScope.CASE))));
            }
            Map<Long, List<Integer>> perOfficer = new java.util.TreeMap<>();
            for (int n = 0; n < byOfficer.size(); n++) {
                perOfficer.computeIfAbsent(officers[n % 2], k -> new ArrayList<>()).add(byOfficer.get(n).get().seq());
            }
            perOfficer.values().forEach(Collections::sort);
            assertThat(perOfficer.values()).allSatisfy(seqs ->
                    assertThat(seqs).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList()));
            Map<Long, java.util.Set<Integer>> serialsByCase = new java.util.TreeMap<>();
            for (int n = 0; n < byCase.size(); n++) {
                serialsByCase.computeIfAbsent(caseBase + n % 4, k -> new java.util.TreeSet<>()).add(byCase.get(n).get().seq());
            }
            // each case one serial, all documents sharing it; the four cases drew 1..4
            assertThat(serialsByCase.values()).allSatisfy(serials -> assertThat(serials).hasSize(1));
            assertThat(serialsByCase.values().stream().flatMap(java.util.Set::stream).sorted().toList())
                    .containsExactly(1, 2, 3, 4);
        } finally {
            pool.shutdownNow();
        }
        // a rolled-back first document of a new case gives the serial back
        long fifth = caseBase + 4;
        TransactionTemplate rollback = new TransactionTemplate(txManager);
        rollback.executeWithoutResult(s -> {
            numbers.allocate(new NumberRequest(agency, shortName, DocumentType.RECTIFICATION_ORDER, 2033, fifth, null,
                    null), SequenceScope.CASE);
            s.setRollbackOnly();
        });
        IssuedNumber next = tx.execute(s -> numbers.allocate(new NumberRequest(agency, shortName,
                DocumentType.RECTIFICATION_ORDER, 2034, fifth, null, null), SequenceScope.CASE));
        assertThat(next.seq()).isEqualTo(1); // 2034's case counter starts afresh; nothing was kept from the rollback
        assertThat(next.documentNo()).isEqualTo(shortName + "责改〔2034〕1号");
        // a case keeps its serial's year in later years
        IssuedNumber later = tx.execute(s -> numbers.allocate(new NumberRequest(agency, shortName,
                DocumentType.RECTIFICATION_ORDER, 2035, caseBase, null, null), SequenceScope.CASE));
        assertThat(later.year()).isEqualTo(2033);
    }

    @Test
    void queriesAreScopedToTheCallersJurisdiction() {
        Enterprise inOtherTownship = fixtures.enterprise(bureau, Industry.MACHINERY, bureau.otherTownship(), Set.of());
        Enterprise inOwnTownship = fixtures.enterprise(bureau, Industry.MACHINERY, bureau.township(), Set.of());

        assertThat(enterprises.search(bureau.townshipEnforcer().jurisdiction(), ""))
                .extracting(Enterprise::getId).contains(inOwnTownship.getId(), cement.getId())
                .doesNotContain(inOtherTownship.getId());
        assertThat(enterprises.search(bureau.officer().jurisdiction(), ""))
                .extracting(Enterprise::getId).contains(inOtherTownship.getId(), inOwnTownship.getId());
        assertThatThrownBy(() -> enterprises.get(bureau.townshipEnforcer().jurisdiction(), inOtherTownship.getId()))
                .isInstanceOf(NotFoundException.class);

        Fixtures.Bureau other = fixtures.bureau("他应急");
        assertThatThrownBy(() -> enterprises.get(other.officer().jurisdiction(), cement.getId()))
                .isInstanceOf(NotFoundException.class);
        Inspection i = inspect(LocalDate.of(2025, 6, 10));
        assertThatThrownBy(() -> inspections.view(other.officer().jurisdiction(), i.getId()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anInspectionNeedsTwoOfficersCertifiedOnTheInspectionDate() {
        assertThatThrownBy(() -> inspections.open(bureau.officer(), new NewInspection(cement.getId(),
                LocalDate.of(2025, 6, 10), "车间", Set.of(bureau.officer().id(), bureau.uncertified().id()))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(p -> p.code()).containsExactly("OFFICER_NOT_CERTIFIED"));
    }

    @Test
    void answersAreValidatedAgainstTheChecklistAndNothingIsSavedOnError() {
        Inspection i = inspect(LocalDate.of(2025, 6, 10));
        assertThatThrownBy(() -> inspections.addFinding(bureau.officer(), i.getId(), new NewFinding("GM-06-01",
                Map.of("GM-06-01-TEMP", "坏了", "GM-06-01-CO", "正常", "BOGUS", "是"), "描述", null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.field())
                        .containsExactlyInAnyOrder("answers[BOGUS]", "answers[GM-06-01-TEMP]", "answers[GM-06-01-EXTINGUISH]"));
        assertThatThrownBy(() -> inspections.addFinding(bureau.officer(), i.getId(), new NewFinding("GM-03-03",
                Map.of("GM-03-03-HEAD", "否", "GM-03-03-MANAGER", "是"), "非冶炼企业不适用", null)))
                .hasMessageContaining("不适用");
        assertThat(inspections.view(bureau.officer().jurisdiction(), i.getId()).findings()).isEmpty();
    }
}
