package cn.yjzf.casedocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.yjzf.audit.AuditEvent;
import cn.yjzf.audit.AuditTrail;
import cn.yjzf.casework.CaseCommand;
import cn.yjzf.casework.CaseCommand.Action;
import cn.yjzf.casework.CaseEnums;
import cn.yjzf.casework.CaseworkService;
import cn.yjzf.casework.NewAct;
import cn.yjzf.casework.NewCase;
import cn.yjzf.casework.PenaltyCase;
import cn.yjzf.casework.Stage;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.IssuedDocument;
import cn.yjzf.documents.IssuedDocumentView;
import cn.yjzf.documents.IssuedDocuments;
import cn.yjzf.documents.TemplateBrokenException;
import cn.yjzf.enterprise.Enterprise;
import cn.yjzf.enterprise.Industry;
import cn.yjzf.flow.Fixtures;
import cn.yjzf.organisation.AppUser;
import cn.yjzf.organisation.AppUserRepository;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 执法文书 of a penalty case from 立案 to 结案: each issued at its step from the case's data, numbered, stored with
 * its snapshot and template version, re-rendered identically, superseded (never edited), within the jurisdiction
 * and audited. Templates are read from a copy of case-templates/ in a temp directory, so a test can break and edit them.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:casedocs;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "app.demo-data=false"})
@AutoConfigureMockMvc
class CaseDocumentsTest {

    static final String MATTER = "AQF-102";
    /** How the documents name it: the violation in words and its penalty article, not the catalogue code. */
    static final String MATTER_IN_WORDS = "未采取措施消除事故隐患（安全生产法第一百零二条）";
    static final LocalDate FILED = LocalDate.of(2026, 2, 2);
    static final Path TEMPLATES = copyOfTemplates();

    @DynamicPropertySource
    static void templates(DynamicPropertyRegistry r) {
        r.add("app.documents.templates-dir", TEMPLATES::toString);
    }

    private static Path copyOfTemplates() {
        try {
            Path dir = Files.createTempDirectory("case-templates");
            try (Stream<Path> files = Files.list(Path.of("case-templates"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired CaseworkService cases;
    @Autowired CaseDocuments documents;
    @Autowired IssuedDocuments store;
    @Autowired Fixtures fixtures;
    @Autowired AppUserRepository users;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired MockMvc mvc;
    @Autowired cn.yjzf.casefile.CaseFiles caseFiles;
    @Autowired cn.yjzf.casework.CaseFixtures fx;
    @Autowired cn.yjzf.casework.CaseExecution execution;
    @Autowired HearingSchedules hearings;
    @Autowired DocumentServices services;
    @Autowired cn.yjzf.calendar.WorkingDayCalendar calendar;
    @Autowired cn.yjzf.common.AppTime time;

    record Office(Fixtures.Bureau b, Enterprise party, CurrentUser unitHead, CurrentUser reviewer, CurrentUser approver) {
        CurrentUser officer() { return b.officer(); }
        CurrentUser officer2() { return b.officer2(); }
    }

    private int seq;

    Office office() {
        Fixtures.Bureau b = fixtures.bureau("测应急");
        Enterprise e = fixtures.enterprise(b, Industry.BUILDING_MATERIALS, b.township(), Set.of());
        int n = ++seq + (int) (System.nanoTime() % 100000);
        return new Office(b, e, person("dh-" + n, "赵主任", b, Role.UNIT_HEAD), person("dr-" + n, "钱法审", b, Role.LEGAL_REVIEWER),
                person("da-" + n, "孙局长", b, Role.APPROVER));
    }

    private CurrentUser person(String username, String name, Fixtures.Bureau b, Role role) {
        AppUser u = new AppUser(username, "{noop}x", name, b.agency().getId(), null, "Z" + username,
                LocalDate.of(2030, 12, 31), Set.of(role));
        if (role == Role.LEGAL_REVIEWER) {
            u.qualifyLegally("法律职业资格（测试）");
        }
        return CurrentUser.of(users.save(u));
    }

    private PenaltyCase step(CurrentUser u, PenaltyCase c, CaseCommand cmd) {
        return cases.perform(u, c.getId(), cmd);
    }

    static CaseCommand on(Action a, PenaltyCase c, LocalDate on) {
        return new CaseCommand(a, c.getVersion(), null, on, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    static CaseCommand reasoned(Action a, PenaltyCase c, LocalDate on, String reason) {
        return new CaseCommand(a, c.getVersion(), reason, on, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    PenaltyCase opened(Office o) {
        PenaltyCase c = cases.open(o.officer(), new NewCase(o.party().getId(), o.party().getName(),
                CaseEnums.PartyType.ORGANISATION, MATTER, null, CaseEnums.Source.HAZARD, "检查#7",
                "未采取措施消除重大事故隐患案", List.of(o.officer().id(), o.officer2().id()), null, null, null, null));
        c = step(o.officer(), c, reasoned(Action.SUBMIT_FILING, c, FILED, "粉尘爆炸危险场所未按规定设置泄爆装置，拟立案调查"));
        return step(o.approver(), c, reasoned(Action.APPROVE, c, FILED, "同意立案，由张堃、李喆承办"));
    }

    /** 立案 → … → 结案 with a hearing, a collective discussion, a reminder and a payment; returns the case id. */
    Long throughTheWholeProcedure(Office o) {
        PenaltyCase c = decidedAndServed(o);
        documents.issueOnDemand(o.officer(), c.getId(), DocumentType.ENFORCEMENT_REMINDER);
        c = cases.get(o.officer(), c.getId());
        c = step(o.officer(), c, new CaseCommand(Action.RECORD_PAYMENT, c.getVersion(), null, LocalDate.of(2026, 3, 5),
                null, null, null, null, null, null, null, null, null, null, null, null, null, new BigDecimal("30000"),
                null, null, null));
        c = step(o.officer(), c, on(Action.REQUEST_CLOSING, c, LocalDate.of(2026, 3, 5)));
        c = step(o.approver(), c, reasoned(Action.APPROVE, c, LocalDate.of(2026, 3, 6), "罚款已缴清，同意结案"));
        assertThat(c.getStage()).isEqualTo(Stage.CLOSED);
        return c.getId();
    }

    /** 立案 → 调查 → three tiers → 告知书 served on 2026-02-12 → 听证 requested on 2026-02-13. */
    PenaltyCase hearingRequested(Office o) {
        PenaltyCase c = opened(o);
        documents.issueOnDemand(o.officer(), c.getId(), DocumentType.INQUIRY_NOTICE);
        cases.addAct(o.officer(), c.getId(), new NewAct(CaseEnums.ActKind.INTERROGATION, FILED.plusDays(1),
                "问：泄爆装置为何未设置？答：设备改造尚未完成。", List.of(o.officer().id(), o.officer2().id())));
        cases.addAct(o.officer(), c.getId(), new NewAct(CaseEnums.ActKind.SITE_EXAMINATION, FILED.plusDays(2),
                "除尘器室未设置泄爆口，现场拍照3张。", List.of(o.officer().id(), o.officer2().id())));
        c = cases.get(o.officer(), c.getId());
        c = step(o.officer(), c, reasoned(Action.CONCLUDE_INVESTIGATION, c, FILED.plusDays(3), "事实清楚，证据确凿，建议给予行政处罚"));
        c = step(o.officer(), c, new CaseCommand(Action.SUBMIT, c.getVersion(), null, FILED.plusDays(4), null, null, fx.proposal(o.officer(), MATTER),
                "罚款", new BigDecimal("30000"), new BigDecimal("10000"), new BigDecimal("50000"),
                "1处重大事故隐患，按基准一般阶次", null, true, true, true, null, null, null, null, null));
        c = step(o.unitHead(), c, reasoned(Action.APPROVE, c, null, "同意承办人意见"));
        c = step(o.reviewer(), c, reasoned(Action.APPROVE, c, null, "事实清楚，适用法律正确，程序合法"));
        c = step(o.approver(), c, new CaseCommand(Action.APPROVE, c.getVersion(), "同意", null, null, null, null, null,
                null, null, null, null, null, null, null, null, "局长办公会集体讨论：同意罚款三万元", null, null, null, null));
        assertThat(c.getStage()).isEqualTo(Stage.NOTICE);
        c = step(o.officer(), c, on(Action.SERVE_NOTICE, c, LocalDate.of(2026, 2, 12)));
        return step(o.officer(), c, on(Action.REQUEST_HEARING, c, LocalDate.of(2026, 2, 13)));
    }

    /** … → 听证 requested, held, 陈述申辩 concluded → the 决定书 (30000 元) served on 2026-03-02: in execution, nothing paid. */
    PenaltyCase decidedAndServed(Office o) {
        PenaltyCase c = hearingRequested(o);
        c = step(o.officer(), c, on(Action.RECORD_HEARING, c, LocalDate.of(2026, 2, 25)));
        c = step(o.officer(), c, reasoned(Action.CONCLUDE_STATEMENT, c, LocalDate.of(2026, 2, 26), "当事人称改造已在进行，请求从轻处罚；经复核不予采纳"));
        c = step(o.officer2(), c, on(Action.DECIDE, c, LocalDate.of(2026, 2, 27)));
        return step(o.officer(), c, on(Action.SERVE_DECISION, c, LocalDate.of(2026, 3, 2)));
    }

    @Test
    void everyDocumentOfTheCaseIsIssuedAtItsStepFromTheCaseDataWithTheRightCitations() throws Exception {
        Office o = office();
        Long id = throughTheWholeProcedure(o);
        List<IssuedDocumentView> issued = store.ofOwner(CaseDocuments.OWNER, id);
        assertThat(issued).extracting(IssuedDocumentView::type).containsExactly(DocumentType.CASE_FILING,
                DocumentType.INQUIRY_NOTICE, DocumentType.INQUIRY_RECORD, DocumentType.SITE_EXAMINATION_RECORD,
                DocumentType.INVESTIGATION_REPORT, DocumentType.LEGAL_REVIEW_OPINION, DocumentType.COLLECTIVE_DISCUSSION,
                DocumentType.HANDLING_APPROVAL, DocumentType.PENALTY_NOTICE, DocumentType.HEARING_NOTICE,
                DocumentType.SERVICE_RECEIPT, DocumentType.HEARING_RECORD, DocumentType.STATEMENT_RECORD,
                DocumentType.PENALTY_DECISION_ORGANISATION, DocumentType.SERVICE_RECEIPT,
                DocumentType.ENFORCEMENT_REMINDER, DocumentType.CASE_CLOSING);
        // the receipt issued with the notice was superseded when the decision was served; nothing else was
        assertThat(issued).filteredOn(IssuedDocumentView::superseded).extracting(IssuedDocumentView::type)
                .containsExactly(DocumentType.SERVICE_RECEIPT);
        Map<DocumentType, IssuedDocumentView> current = new EnumMap<>(DocumentType.class);
        issued.stream().filter(d -> !d.superseded()).forEach(d -> current.put(d.type(), d));
        String short_ = "测应急";
        assertThat(current.get(DocumentType.PENALTY_NOTICE).documentNo()).matches(short_ + "罚告〔2026〕\\d+号");
        assertThat(current.get(DocumentType.PENALTY_DECISION_ORGANISATION).documentNo()).matches(short_ + "罚〔2026〕\\d+号");
        assertThat(current.get(DocumentType.INQUIRY_RECORD).documentNo()).isNull(); // 笔录 are not numbered

        String party = o.party().getName();
        String agency = o.b().agency().getName();
        String notice = current.get(DocumentType.PENALTY_NOTICE).documentNo();
        String decision = current.get(DocumentType.PENALTY_DECISION_ORGANISATION).documentNo();
        Map<DocumentType, List<String>> expected = new EnumMap<>(DocumentType.class);
        expected.put(DocumentType.CASE_FILING, List.of("立案审批表", "未采取措施消除重大事故隐患案", "检查发现隐患", "刘法人",
                "粉尘爆炸危险场所未按规定设置泄爆装置", "同意立案，由张堃、李喆承办", "孙局长", "2026年2月2日", "第五十四条第二款"));
        expected.put(DocumentType.INQUIRY_NOTICE, List.of("询问通知书", "第五十四条、第五十五条", "不得拒绝或者阻挠", "张堃"));
        expected.put(DocumentType.INQUIRY_RECORD, List.of("询问笔录", "2026年2月3日", "设备改造尚未完成", "李喆",
                o.officer().fullName(), "这是我们的执法证件"));
        expected.put(DocumentType.SITE_EXAMINATION_RECORD, List.of("勘验笔录", "2026年2月4日", "除尘器室未设置泄爆口"));
        expected.put(DocumentType.INVESTIGATION_REPORT, List.of("案件调查终结报告", "设备改造尚未完成", "除尘器室未设置泄爆口",
                MATTER_IN_WORDS, "事实清楚，证据确凿，建议给予行政处罚", "2026年2月2日"));
        expected.put(DocumentType.LEGAL_REVIEW_OPINION, List.of("法制审核意见书", "事实清楚，适用法律正确，程序合法", "钱法审",
                "30000元", "0元至50000元", "第五十八条"));
        expected.put(DocumentType.COLLECTIVE_DISCUSSION, List.of("集体讨论记录", "局长办公会集体讨论：同意罚款三万元", "孙局长",
                "第五十七条第二款"));
        expected.put(DocumentType.HANDLING_APPROVAL, List.of("案件处理呈批表", "审核（执法机构负责", "同意承办人意见", "赵主任",
                "法制审核意见", "钱法审", "负责人审批意见", "孙局长", "违法依据《安全生产法》第四十一条第二款", "30000元"));
        expected.put(DocumentType.PENALTY_NOTICE, List.of("行政处罚告知书", notice, "第四十四条、第四十五条",
                "行政机关不得因当事人陈述、申辩而给予更重的处罚", "罚款人民币30000元", "设备改造尚未完成", MATTER_IN_WORDS));
        expected.put(DocumentType.HEARING_NOTICE, List.of("听证告知书", "应当在行政机关告知后五日内提出", "第六十四条第（一）项",
                "第八十五条", "罚款人民币30000元"));
        expected.put(DocumentType.HEARING_RECORD, List.of("听证笔录", "2026年2月13日", "2026年2月25日", "非本案调查人员"));
        expected.put(DocumentType.STATEMENT_RECORD, List.of("陈述申辩笔录", "当事人称改造已在进行，请求从轻处罚；经复核不予采纳",
                notice, "2026年2月12日", "第四十五条第一款"));
        expected.put(DocumentType.PENALTY_DECISION_ORGANISATION, List.of("行政处罚决定书", decision, "测试路1号", "刘法人",
                o.party().getCreditCode(), notice, "2026年2月12日", "罚款人民币30000元", "十五日内", "第六十七条第三款",
                "百分之三加处罚款", "第七十二条第一款第（一）项", "六十日内", "《中华人民共和国行政复议法》第二十条", "六个月内",
                "《中华人民共和国行政诉讼法》第四十六条", "第七十三条", "第五十三条", "2026年2月27日", "经复核不予采纳"));
        expected.put(DocumentType.SERVICE_RECEIPT, List.of("文书送达回执", "行政处罚告知书", notice, "听证告知书",
                "行政处罚决定书", decision, "2026年3月2日", "2026年2月12日"));
        expected.put(DocumentType.ENFORCEMENT_REMINDER, List.of("行政强制执行事先催告书", decision, "2026年3月2日",
                "第三十五条、第五十四条", "催告书送达十日后", "陈述权和申辩权"));
        expected.put(DocumentType.CASE_CLOSING, List.of("结案审批表", "已缴纳罚款30000元", "2026年3月5日", "罚款已缴清，同意结案",
                "孙局长", decision));
        for (IssuedDocumentView d : current.values()) {
            String text = text(d.pdf());
            assertThat(text).as(d.type().name()).contains(agency, party, d.type().title().replace("（单位）", ""));
            if (d.documentNo() != null) {
                assertThat(text).as(d.type().name()).contains(d.documentNo());
            }
            assertThat(text).as(d.type().name()).contains(expected.get(d.type()).toArray(String[]::new));
            assertThat(text).as("no repealed 3-day hearing window").doesNotContain("三日内提出");
            assertNoInkOutsideTheMargins(d.type().name(), d.pdf());
        }
        // the individual decision (rendered as a draft from this case) has its own identity lines
        byte[] individual = documents.draft(o.officer(), id, DocumentType.PENALTY_DECISION_INDIVIDUAL);
        assertThat(text(individual)).contains("行政处罚决定书（个人）", "身份证件号码", "六十日内", "六个月内", "草稿");
        assertNoInkOutsideTheMargins("PENALTY_DECISION_INDIVIDUAL", individual);
        // audited: one CASE_DOCUMENT_ISSUED per issued document, in the step's transaction
        assertThat(audit.of("PenaltyCase", id)).filteredOn(e -> e.getAction().equals("CASE_DOCUMENT_ISSUED"))
                .hasSize(issued.size());
    }

    /**
     * Issue 13's done-criterion: a case that went through the whole procedure is filed as one 案卷 whose 卷内目录 names, for
     * every numbered document, the page it really starts on, stamped with that number (the binder's own test covers the
 * unnumbered cover and index, photos and merged PDFs).
     */
    @Test
    void theWholeCaseIsFiledAsOneCaseFileWhoseIndexStatesTheRealPages() throws Exception {
        Office o = office();
        Long id = throughTheWholeProcedure(o);
        List<IssuedDocumentView> issued = store.ofOwner(CaseDocuments.OWNER, id);
        cn.yjzf.casefile.CaseFile filed = caseFiles.file(o.approver(), id);
        List<String> pages = new java.util.ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(filed.getPdf())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc).replaceAll("\\s+", ""));
            }
        }
        assertThat(pages.get(0)).contains("案卷", filed.getArchiveNo(), "未采取措施消除重大事故隐患案");
        int front = 1 + (int) pages.stream().filter(p -> p.contains("卷内目录") || p.contains("序号文号题名日期页号备注")).count();
        String index = String.join("", pages.subList(1, front));
        assertThat(pages.size() - front).as("written pages").isGreaterThanOrEqualTo(issued.size());
        int checked = 0;
        for (IssuedDocumentView d : issued) {
            if (d.documentNo() == null) {
                continue;
            }
            java.util.regex.Matcher row = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(d.documentNo()
                    + d.title().replaceAll("\\s+", "")) + "\\d{4}年\\d{1,2}月\\d{1,2}日(\\d+)").matcher(index);
            assertThat(row.find()).as("index row of %s %s", d.title(), d.documentNo()).isTrue();
            // the extracted row runs into the next row's 序号 when 备注 is empty ("1" + "2"): the stated page is a prefix
            String digits = row.group(1);
            List<Integer> stated = java.util.stream.IntStream.rangeClosed(1, digits.length())
                    .mapToObj(n -> Integer.parseInt(digits.substring(0, n))).filter(n -> front + n - 1 < pages.size()).toList();
            assertThat(stated).as("%s: the page the index states holds it and carries that number", d.title())
                    .anyMatch(n -> pages.get(front + n - 1).contains(d.documentNo())
                            && pages.get(front + n - 1).endsWith(Integer.toString(n)));
            checked++;
        }
        assertThat(checked).as("numbered documents checked").isGreaterThanOrEqualTo(8);
        // the 备考表 is the last sheet, unnumbered: the numbered page count, the 立卷人 (who filed), the 检查人 and the date
        int numbered = pages.size() - front - 1;
        String notes = pages.get(pages.size() - 1);
        assertThat(notes).contains("备考表", filed.getArchiveNo(), "本卷共有文件材料" + numbered + "页", "立卷人孙局长", "检查人",
                cn.yjzf.documents.ChineseDates.format(filed.getArchivedOn())).doesNotEndWith(Integer.toString(numbered + 1));
        assertThat(pages.get(pages.size() - 2)).endsWith(Integer.toString(numbered));
        assertThat(filed.getPageCount()).isEqualTo(pages.size());
    }

    @Test
    void reRenderingFromTheSnapshotWithTheStoredTemplateVersionGivesTheSameText() throws Exception {
        Office o = office();
        Long id = throughTheWholeProcedure(o);
        for (IssuedDocument d : store.entitiesOf(CaseDocuments.OWNER, id)) {
            assertThat(text(store.rerender(d))).as(d.getType().name()).isEqualTo(text(d.getPdf()));
            assertThat(d.getTemplateSha256()).hasSize(64);
            assertThat(d.getDataSnapshot()).contains(o.party().getName());
        }
    }

    @Test
    void anIssuedDocumentIsSupersededByANewNumberedOneWithTheReasonNeverEdited() throws Exception {
        Office o = office();
        PenaltyCase c = opened(o);
        IssuedDocument filing = store.entitiesOf(CaseDocuments.OWNER, c.getId()).get(0);
        String before = text(filing.getPdf());
        IssuedDocument next = documents.supersede(o.officer(), c.getId(), filing.getId(), "当事人名称录入有误，予以更正");
        IssuedDocument old = documents.document(o.officer(), c.getId(), filing.getId());
        assertThat(old.isSuperseded()).isTrue();
        assertThat(old.getSupersededBy()).isEqualTo(next.getId());
        assertThat(old.getSupersedeReason()).isEqualTo("当事人名称录入有误，予以更正");
        assertThat(text(old.getPdf())).isEqualTo(before); // the old PDF is kept as it was
        assertThat(next.getDocumentNo()).isNotEqualTo(old.getDocumentNo()).startsWith("测应急立〔");
        assertThatThrownBy(() -> documents.supersede(o.officer(), c.getId(), filing.getId(), "再次更正"))
                .hasMessageContaining("已被更正文书取代");
        assertThat(audit.of("PenaltyCase", c.getId())).extracting(AuditEvent::getAction).contains("CASE_DOCUMENT_SUPERSEDED");
        // only a certified handler signs: the approver may not supersede, and the refusal is audited
        assertThatThrownBy(() -> documents.supersede(o.approver(), c.getId(), next.getId(), "更正"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(audit.of("PenaltyCase", c.getId())).extracting(AuditEvent::getAction).contains("CASE_DOCUMENT_FORBIDDEN");
    }

    @Test
    void anotherAgencysDocumentIsTheSame404AsAMissingOneAndTheCasePageListsTheDocuments() throws Exception {
        Office o = office();
        PenaltyCase c = opened(o);
        IssuedDocument filing = store.entitiesOf(CaseDocuments.OWNER, c.getId()).get(0);
        CurrentUser stranger = office().officer();
        assertThatThrownBy(() -> documents.document(stranger, c.getId(), filing.getId())).isInstanceOf(NotFoundException.class);
        String url = "/api/cases/" + c.getId() + "/documents/" + filing.getId() + "/pdf";
        MvcResult mine = mvc.perform(get(url).with(user(o.officer()))).andReturn();
        assertThat(mine.getResponse().getStatus()).isEqualTo(200);
        assertThat(mine.getResponse().getContentType()).isEqualTo("application/pdf");
        MvcResult theirs = mvc.perform(get(url).with(user(stranger))).andReturn();
        MvcResult missing = mvc.perform(get("/api/cases/" + c.getId() + "/documents/999999/pdf").with(user(o.officer()))).andReturn();
        assertThat(theirs.getResponse().getStatus()).isEqualTo(404);
        assertThat(theirs.getResponse().getContentAsString()).isEqualTo(missing.getResponse().getContentAsString());
        assertThat(mvc.perform(get("/cases/" + c.getId() + "/documents/" + filing.getId() + ".pdf").with(user(stranger)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        String page = mvc.perform(get("/cases/" + c.getId()).with(user(o.officer()))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("执法文书", filing.getDocumentNo(), "立案审批表",
                "/cases/" + c.getId() + "/documents/" + filing.getId() + ".pdf", "草稿预览");
    }

    @Test
    void aDraftIsWatermarkedUnnumberedAndStoresNothing() throws Exception {
        Office o = office();
        PenaltyCase c = opened(o);
        int issued = store.ofOwner(CaseDocuments.OWNER, c.getId()).size();
        Integer counter = counter(o, "PENALTY_NOTICE");
        MvcResult r = mvc.perform(get("/cases/" + c.getId() + "/documents/draft/PENALTY_NOTICE.pdf").with(user(o.officer()))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        String text = text(r.getResponse().getContentAsByteArray());
        assertThat(text).contains("行政处罚告知书", "草稿", "签发时编号").doesNotContain("罚告〔");
        assertThat(store.ofOwner(CaseDocuments.OWNER, c.getId())).hasSize(issued);
        assertThat(counter(o, "PENALTY_NOTICE")).isEqualTo(counter);
    }

    @Test
    void aBrokenTemplateRefusesTheStepNamingFileAndLineAndConsumesNoNumberAndAnEditTakesEffectWithoutARebuild() throws Exception {
        Office o = office();
        PenaltyCase c = opened(o);
        cases.addAct(o.officer(), c.getId(), new NewAct(CaseEnums.ActKind.INTERROGATION, FILED.plusDays(1),
                "询问当事人", List.of(o.officer().id(), o.officer2().id())));
        Path report = TEMPLATES.resolve("investigation-report.html");
        String original = Files.readString(report);
        List<String> lines = new java.util.ArrayList<>(original.lines().toList());
        int broken = lines.indexOf(lines.stream().filter(l -> l.contains("<h1 ")).findFirst().orElseThrow());
        lines.set(broken, "  <h1 th:text=\"${doc.title}\">未闭合的标题");
        Files.writeString(report, String.join("\n", lines) + "\n");
        Integer before = counter(o, "INVESTIGATION_REPORT");
        try {
            PenaltyCase current = cases.get(o.officer(), c.getId());
            assertThatThrownBy(() -> step(o.officer(), current, reasoned(Action.CONCLUDE_INVESTIGATION, current, FILED.plusDays(3), "调查终结")))
                    .isInstanceOfSatisfying(TemplateBrokenException.class, e -> {
                        assertThat(e.code()).isEqualTo("TEMPLATE_BROKEN");
                        assertThat(e.templateFile()).isEqualTo("case-templates/investigation-report.html");
                        assertThat(e.line()).isGreaterThanOrEqualTo(broken + 1);
                        assertThat(e.getMessage()).contains("investigation-report.html", "第" + e.line() + "行");
                    });
            // nothing saved: the step, its document and its number all rolled back
            assertThat(cases.get(o.officer(), c.getId()).getStage()).isEqualTo(Stage.INVESTIGATION);
            assertThat(store.ofOwner(CaseDocuments.OWNER, c.getId())).extracting(IssuedDocumentView::type)
                    .doesNotContain(DocumentType.INVESTIGATION_REPORT);
            assertThat(counter(o, "INVESTIGATION_REPORT")).isEqualTo(before);
            // through the API: 409 with the stable code naming the file
            MvcResult api = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .post("/api/cases/" + c.getId() + "/actions").with(user(o.officer()))
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                    .contentType("application/json")
                    .content("{\"action\":\"CONCLUDE_INVESTIGATION\",\"version\":" + current.getVersion() + "}")).andReturn();
            assertThat(api.getResponse().getStatus()).isEqualTo(409);
            assertThat(api.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("TEMPLATE_BROKEN", "investigation-report.html");
        } finally {
            // the maintainer fixes the template and adds a line: the next document has it, without a rebuild
            Files.writeString(report, original.replace("<h1 th:text=\"${doc.title}\">",
                    "<p>（本文书格式经维护人员修订）</p>\n  <h1 th:text=\"${doc.title}\">"));
        }
        PenaltyCase current = cases.get(o.officer(), c.getId());
        step(o.officer(), current, reasoned(Action.CONCLUDE_INVESTIGATION, current, FILED.plusDays(3), "调查终结"));
        IssuedDocumentView doc = store.ofOwner(CaseDocuments.OWNER, c.getId()).stream()
                .filter(d -> d.type() == DocumentType.INVESTIGATION_REPORT).findFirst().orElseThrow();
        int expectedSeq = before + 1;
        assertThat(doc.documentNo()).isEqualTo("测应急终报〔2026〕" + expectedSeq + "号");
        assertThat(text(doc.pdf())).contains("本文书格式经维护人员修订");
        // the stored version re-renders as issued even after the template is restored
        Files.writeString(report, original);
        IssuedDocument stored = documents.document(o.officer(), c.getId(), doc.id());
        assertThat(text(store.rerender(stored))).contains("本文书格式经维护人员修订");
    }

    @Test
    void aTownshipCaseIsIssuedInTheDelegatingAgencysNameUnder委托AndInTheTownshipsUnder赋权() throws Exception {
        for (String kind : List.of("ENTRUSTED", "EMPOWERED")) {
            Office o = office();
            fx.delegate(o.b().township().getId(), kind, List.of(MATTER), LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31));
            CurrentUser township = o.b().townshipEnforcer();
            PenaltyCase c = cases.open(township, new NewCase(null, "清河某某公司", CaseEnums.PartyType.ORGANISATION, MATTER,
                    null, CaseEnums.Source.HAZARD, null, "乡镇案件", List.of(township.id(), o.officer().id()), null, null,
                    null, null));
            c = step(township, c, on(Action.SUBMIT_FILING, c, FILED));
            CurrentUser approver = kind.equals("EMPOWERED") // 赋权: the township decides in its own name
                    ? fx.townshipUser("乡镇负责人", o.b(), o.b().township().getId(), Role.APPROVER) : o.approver();
            step(approver, c, on(Action.APPROVE, c, FILED));
            String text = text(store.ofOwner(CaseDocuments.OWNER, c.getId()).get(0).pdf());
            String name = kind.equals("ENTRUSTED") ? o.b().agency().getName() : o.b().township().getName();
            assertThat(text).as(kind).startsWith(name + "立案审批表").contains("清河某某公司");
        }
    }

    @Test
    void theSummaryDecisionIsIssuedNumberedWhenTheSummaryCaseIsRecordedAndAnApprovedTransferIssuesTheTransferDocuments()
            throws Exception {
        Office o = office();
        PenaltyCase c = cases.open(o.officer(), new NewCase(null, "个体户王堃", CaseEnums.PartyType.INDIVIDUAL, MATTER, null,
                CaseEnums.Source.HAZARD, null, "未按规定佩戴劳动防护用品", List.of(o.officer().id()),
                CaseEnums.Procedure.SUMMARY, "罚款", new BigDecimal("200"), LocalDate.of(2026, 3, 1)));
        IssuedDocumentView summary = store.ofOwner(CaseDocuments.OWNER, c.getId()).get(0);
        assertThat(summary.type()).isEqualTo(DocumentType.SUMMARY_DECISION_INDIVIDUAL);
        assertThat(summary.documentNo()).matches("测应急罚〔2026〕\\d+号"); // 第五十二条: 编有号码
        assertThat(text(summary.pdf())).contains(o.b().agency().getName(), "当场行政处罚决定书（个人）", summary.documentNo(),
                "个体户王堃", "身份证件号码", "未按规定佩戴劳动防护用品", MATTER_IN_WORDS, "罚款数额：人民币200元",
                "处罚时间：2026年3月1日", "处罚地点", "第五十一条、第五十二条", "六十日内", "六个月内", "执法证号",
                "当事人拒绝签收的，应当在行政处罚决定书上注明", "报所属行政机关备案");
        assertNoInkOutsideTheMargins("SUMMARY_DECISION_INDIVIDUAL", summary.pdf());
        byte[] organisation = documents.draft(o.officer(), c.getId(), DocumentType.SUMMARY_DECISION_ORGANISATION);
        assertThat(text(organisation)).contains("当场行政处罚决定书（单位）", "统一社会信用代码", "草稿");
        assertNoInkOutsideTheMargins("SUMMARY_DECISION_ORGANISATION", organisation);

        c = step(o.officer(), c, new CaseCommand(Action.FLAG_CRIMINAL, c.getVersion(), "拒不执行停产停业决定，涉嫌危险作业罪",
                LocalDate.of(2026, 3, 1), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null));
        step(o.approver(), c, new CaseCommand(Action.DECIDE_TRANSFER, c.getVersion(), "已核实，批准移送公安机关",
                LocalDate.of(2026, 3, 2), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, CaseEnums.TransferDecision.TRANSFER, null));
        Map<DocumentType, IssuedDocumentView> issued = new EnumMap<>(DocumentType.class);
        store.ofOwner(CaseDocuments.OWNER, c.getId()).forEach(d -> issued.put(d.type(), d));
        assertThat(issued).containsKeys(DocumentType.TRANSFER_APPROVAL, DocumentType.CRIMINAL_CASE_TRANSFER);
        assertThat(text(issued.get(DocumentType.TRANSFER_APPROVAL).pdf())).contains("案件移送审批表", "个体户王堃",
                "拒不执行停产停业决定，涉嫌危险作业罪", "批准移送", "已核实，批准移送公安机关", "孙局长", "2026年3月2日",
                "24小时内向同级公安机关移送");
        assertThat(text(issued.get(DocumentType.CRIMINAL_CASE_TRANSFER).pdf())).contains("涉嫌犯罪案件移送书", "公安局",
                "个体户王堃", "拒不执行停产停业决定，涉嫌危险作业罪", "2026年3月2日", "第二十七条", "第三条",
                "涉案物品清单", "第六条", "回执");
        for (DocumentType t : List.of(DocumentType.TRANSFER_APPROVAL, DocumentType.CRIMINAL_CASE_TRANSFER)) {
            assertNoInkOutsideTheMargins(t.name(), issued.get(t).pdf());
        }
        assertReRenderedIdentically(c.getId());
        // paid, closed and filed: the 案卷 holds them, with the 备考表 last
        c = cases.get(o.officer(), c.getId());
        c = step(o.officer(), c, new CaseCommand(Action.RECORD_PAYMENT, c.getVersion(), null, LocalDate.of(2026, 3, 3),
                null, null, null, null, null, null, null, null, null, null, null, null, null, new BigDecimal("200"),
                null, null, null));
        c = step(o.officer(), c, on(Action.REQUEST_CLOSING, c, LocalDate.of(2026, 3, 3)));
        step(o.approver(), c, reasoned(Action.APPROVE, c, LocalDate.of(2026, 3, 4), "已移送公安机关，罚款已缴，同意结案"));
        String file = text(caseFiles.file(o.approver(), c.getId()).getPdf());
        assertThat(file).contains("卷内目录", summary.documentNo(), "当场行政处罚决定书（个人）", "案件移送审批表", "涉嫌犯罪案件移送书",
                "结案审批表");
        assertThat(file.substring(file.lastIndexOf("备考表"))).contains("立卷人孙局长");
    }

    private void assertReRenderedIdentically(Long caseId) throws IOException {
        for (IssuedDocument d : store.entitiesOf(CaseDocuments.OWNER, caseId)) {
            assertThat(text(store.rerender(d))).as("re-rendered " + d.getType()).isEqualTo(text(d.getPdf()));
        }
    }

    @Test
    void anApprovedPaymentArrangementAndACourtApplicationIssueTheirDocumentsFromTheExecutionRecords() throws Exception {
        Office o = office();
        PenaltyCase c = decidedAndServed(o);
        cn.yjzf.casework.PaymentArrangement a = execution.applyForArrangement(o.officer(), c.getId(),
                new cn.yjzf.casework.ExecutionCommands.ArrangementRequest(cn.yjzf.casework.PaymentArrangement.Kind.INSTALMENTS,
                        "经营困难，提供财务报表", LocalDate.of(2026, 3, 5), List.of(
                        new cn.yjzf.casework.ExecutionCommands.Instalment(LocalDate.of(2026, 3, 31), new BigDecimal("15000")),
                        new cn.yjzf.casework.ExecutionCommands.Instalment(LocalDate.of(2026, 4, 30), new BigDecimal("15000")))));
        assertThat(store.ofOwner(CaseDocuments.OWNER, c.getId())).extracting(IssuedDocumentView::type)
                .doesNotContain(DocumentType.PAYMENT_ARRANGEMENT_APPROVAL); // applied for, not yet approved
        execution.decideArrangement(o.approver(), c.getId(), a.getId(),
                new cn.yjzf.casework.ExecutionCommands.DecisionRequest(true, a.getVersion(), "同意分两期"));
        IssuedDocumentView approval = store.ofOwner(CaseDocuments.OWNER, c.getId()).stream()
                .filter(d -> d.type() == DocumentType.PAYMENT_ARRANGEMENT_APPROVAL).findFirst().orElseThrow();
        assertThat(approval.documentNo()).matches("测应急缴批〔2026〕\\d+号");
        String decision = store.ofOwner(CaseDocuments.OWNER, c.getId()).stream()
                .filter(d -> d.type() == DocumentType.PENALTY_DECISION_ORGANISATION).findFirst().orElseThrow().documentNo();
        assertThat(text(approval.pdf())).contains("延期（分期）缴纳罚款批准书", approval.documentNo(), decision,
                "分期缴纳", "经营困难，提供财务报表", "2026年3月5日", "第1期", "2026年3月31日前", "15000元", "第2期",
                "2026年4月30日前", "同意分两期", "第六十六条第二款", "百分之三");
        assertNoInkOutsideTheMargins("PAYMENT_ARRANGEMENT_APPROVAL", approval.pdf());

        // another case, unpaid: 催告 then the court (windows of 行政强制法第五十三、五十四条 as in CaseExecutionTest)
        Office p = office();
        PenaltyCase d = decidedAndServed(p);
        execution.serveDemand(p.officer(), d.getId(), new cn.yjzf.casework.ExecutionCommands.DemandRequest(
                LocalDate.of(2026, 9, 3), "限于收到本催告书之日起十日内缴纳罚款30000元"));
        execution.applyToCourt(p.officer(), d.getId(), new cn.yjzf.casework.ExecutionCommands.CourtApplicationRequest(
                LocalDate.of(2026, 9, 25), "江城区人民法院"));
        IssuedDocumentView application = store.ofOwner(CaseDocuments.OWNER, d.getId()).stream()
                .filter(x -> x.type() == DocumentType.COURT_ENFORCEMENT_APPLICATION).findFirst().orElseThrow();
        assertThat(application.documentNo()).matches("测应急强执〔2026〕\\d+号");
        assertThat(application.issuedOn()).isEqualTo(LocalDate.of(2026, 9, 25));
        assertThat(text(application.pdf())).contains("强制执行申请书", "江城区人民法院", "申请人", "被申请人",
                p.party().getName(), "2026年3月2日", "经复核不予采纳", "2026年9月3日", "限于收到本催告书之日起十日内缴纳罚款30000元",
                "尚未缴纳的罚款30000元", "加处罚款", "负责人（签名）", "第五十三条、第五十四条、第五十五条");
        assertNoInkOutsideTheMargins("COURT_ENFORCEMENT_APPLICATION", application.pdf());
        assertReRenderedIdentically(c.getId());
        assertReRenderedIdentically(d.getId());
    }

    @Test
    void aScheduledHearingIssuesTheHearingMeetingNoticeSevenWorkingDaysAheadChairedByANonInvestigator() throws Exception {
        Office o = office();
        PenaltyCase c = hearingRequested(o);
        LocalDate earliest = calendar.plusWorkingDays(time.today(), 7).date();
        String url = "/api/cases/" + c.getId() + "/hearing-schedule";
        String tooSoon = "{\"hearingOn\":\"" + earliest.minusDays(1) + "\",\"startTime\":\"09:30\",\"place\":\"本局三楼听证室\","
                + "\"chairId\":" + o.officer2().id() + "}";
        MvcResult bad = mvc.perform(post(url).with(user(o.officer())).with(csrf()).contentType("application/json")
                .content(tooSoon)).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"field\":\"hearingOn\"", "NOTICE_TOO_SHORT", "\"field\":\"chairId\"", "CHAIR_IS_INVESTIGATOR");
        MvcResult badTime = mvc.perform(post(url).with(user(o.officer())).with(csrf()).contentType("application/json")
                .content("{\"hearingOn\":\"" + earliest + "\",\"startTime\":\"25:00\",\"place\":\"听证室\",\"chairId\":1}")).andReturn();
        assertThat(badTime.getResponse().getStatus()).isEqualTo(400);
        assertThat(badTime.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("startTime");
        assertThat(store.ofOwner(CaseDocuments.OWNER, c.getId())).extracting(IssuedDocumentView::type)
                .doesNotContain(DocumentType.HEARING_MEETING_NOTICE); // nothing half-saved

        // the case page offers the form (chairs: the agency's people who did not investigate) and takes it
        String page = mvc.perform(get("/cases/" + c.getId()).with(user(o.officer()))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("hearing-schedule-form", "钱法审");
        MvcResult viaPage = mvc.perform(post("/cases/" + c.getId() + "/hearing-schedule").with(user(o.officer())).with(csrf())
                .param("hearingOn", earliest.toString()).param("startTime", "09:30").param("place", "本局三楼听证室")
                .param("chairId", o.reviewer().id().toString()).param("version", "")).andReturn();
        assertThat(viaPage.getResponse().getStatus()).isEqualTo(302);
        assertThat(viaPage.getFlashMap().get("notice")).asString().contains("听证会通知书");
        IssuedDocument notice = store.entitiesOf(CaseDocuments.OWNER, c.getId()).stream()
                .filter(d -> d.getType() == DocumentType.HEARING_MEETING_NOTICE).findFirst().orElseThrow();
        assertThat(notice.getType()).isEqualTo(DocumentType.HEARING_MEETING_NOTICE);
        assertThat(text(notice.getPdf())).contains("听证会通知书", o.party().getName(), "2026年2月13日",
                cn.yjzf.documents.ChineseDates.format(earliest) + "09:30", "本局三楼听证室", "钱法审", "第六十四条",
                "申请回避", "委托一至二人代理", "视为放弃听证权利", "七个工作日前");
        assertNoInkOutsideTheMargins("HEARING_MEETING_NOTICE", notice.getPdf());
        assertThat(audit.of("PenaltyCase", c.getId())).extracting(AuditEvent::getAction).contains("CASE_HEARING_SCHEDULED");
        // rescheduling needs the version seen and supersedes the notice
        assertThatThrownBy(() -> hearings.schedule(o.officer(), c.getId(),
                new CaseDocumentDtos.HearingBody(earliest.plusDays(7), "14:00", "本局二楼会议室", o.reviewer().id(), null)))
                .isInstanceOfSatisfying(cn.yjzf.common.ConflictException.class, e -> assertThat(e.code()).isEqualTo("CONCURRENT_EDIT"));
        IssuedDocument moved = hearings.schedule(o.officer(), c.getId(),
                new CaseDocumentDtos.HearingBody(earliest.plusDays(7), "14:00", "本局二楼会议室", o.reviewer().id(), 0L));
        assertThat(text(moved.getPdf())).contains("本局二楼会议室", "14:00");
        assertThat(documents.document(o.officer(), c.getId(), notice.getId()).getSupersededBy()).isEqualTo(moved.getId());
        assertReRenderedIdentically(c.getId());
    }

    @Test
    void eachServedDocumentRecordsHowItWasServedAndTheReceiptPrintsItBadValuesAre400NamingTheField() throws Exception {
        Office o = office();
        PenaltyCase c = decidedAndServed(o);
        List<IssuedDocumentView> issued = store.ofOwner(CaseDocuments.OWNER, c.getId());
        IssuedDocumentView notice = issued.stream().filter(d -> d.type() == DocumentType.PENALTY_NOTICE).findFirst().orElseThrow();
        IssuedDocumentView decision = issued.stream().filter(d -> d.type() == DocumentType.PENALTY_DECISION_ORGANISATION).findFirst().orElseThrow();
        IssuedDocumentView filing = issued.stream().filter(d -> d.type() == DocumentType.CASE_FILING).findFirst().orElseThrow();
        String base = "/api/cases/" + c.getId() + "/documents/";
        Map<String, String> bad = Map.of(
                "{\"method\":\"FAX\",\"recipient\":\"刘法人\",\"place\":\"测试路1号\",\"servedOn\":\"2026-02-12\"}", "\"field\":\"method\"",
                "{\"method\":\"ELECTRONIC\",\"recipient\":\"刘法人\",\"servedOn\":\"2026-02-12\"}", "\"field\":\"consentRef\"",
                "{\"method\":\"LEFT_AT_PLACE\",\"recipient\":\"刘法人\",\"place\":\"测试路1号\",\"servedOn\":\"2026-02-12\"}", "\"field\":\"note\"",
                "{\"method\":\"DIRECT\",\"recipient\":\"刘法人\",\"servedOn\":\"2026-02-12\"}", "\"field\":\"place\"",
                "{\"method\":\"DIRECT\",\"recipient\":\"刘法人\",\"place\":\"测试路1号\",\"servedOn\":\"2026-01-01\"}", "BEFORE_ISSUED",
                "{\"method\":\"DIRECT\",\"recipient\":\"\",\"place\":\"测试路1号\",\"servedOn\":\"2026-02-12\"}", "recipient");
        int before = issued.size();
        for (Map.Entry<String, String> e : bad.entrySet()) {
            MvcResult r = mvc.perform(post(base + notice.id() + "/service").with(user(o.officer())).with(csrf())
                    .contentType("application/json").content(e.getKey())).andReturn();
            assertThat(r.getResponse().getStatus()).as(e.getKey()).isEqualTo(400);
            assertThat(r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).as(e.getKey()).contains(e.getValue());
        }
        assertThat(store.ofOwner(CaseDocuments.OWNER, c.getId())).hasSize(before); // nothing half-saved
        MvcResult internal = mvc.perform(post(base + filing.id() + "/service").with(user(o.officer())).with(csrf())
                .contentType("application/json").content("{\"method\":\"DIRECT\",\"recipient\":\"刘法人\",\"place\":\"测试路1号\","
                        + "\"servedOn\":\"2026-02-12\"}")).andReturn();
        assertThat(internal.getResponse().getStatus()).isEqualTo(409);

        String casePage = mvc.perform(get("/cases/" + c.getId()).with(user(o.officer()))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(casePage).contains("service-form", "登记送达", "留置送达", "/documents/" + notice.id() + "/service");
        MvcResult badPage = mvc.perform(post("/cases/" + c.getId() + "/documents/" + notice.id() + "/service").with(user(o.officer()))
                .with(csrf()).param("method", "DIRECT").param("recipient", "刘法人").param("servedOn", "不是日期")).andReturn();
        assertThat(badPage.getResponse().getStatus()).isEqualTo(302);
        assertThat(badPage.getFlashMap().get("errors")).asString().contains("servedOn");
        MvcResult ok = mvc.perform(post(base + notice.id() + "/service").with(user(o.officer())).with(csrf())
                .contentType("application/json").content("{\"method\":\"DIRECT\",\"recipient\":\"刘法人\",\"place\":\"测试路1号\","
                        + "\"servedOn\":\"2026-02-12\"}")).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(201);
        services.record(o.officer(), c.getId(), decision.id(), new CaseDocumentDtos.ServiceBody("ELECTRONIC", "刘法人", null,
                LocalDate.of(2026, 3, 2), "电子送达确认书（2026年2月12日签订）", null));
        assertThatThrownBy(() -> services.record(o.officer(), c.getId(), decision.id(), new CaseDocumentDtos.ServiceBody(
                "DIRECT", "刘法人", "测试路1号", LocalDate.of(2026, 3, 2), null, null)))
                .isInstanceOfSatisfying(cn.yjzf.common.ConflictException.class, e -> assertThat(e.code()).isEqualTo("SERVICE_ALREADY_RECORDED"));
        IssuedDocumentView receipt = store.ofOwner(CaseDocuments.OWNER, c.getId()).stream()
                .filter(d -> d.type() == DocumentType.SERVICE_RECEIPT && !d.superseded()).findFirst().orElseThrow();
        String text = text(receipt.pdf());
        assertThat(text).contains(notice.documentNo(), decision.documentNo(), "刘法人", "测试路1号",
                "2026年2月12日直接送达" + o.officer().fullName(), "2026年3月2日电子送达" + o.officer().fullName(),
                "确认书：电子送达确认书（2026年2月12日签订）", "第六十一条第二款", "原文未取得");
        assertNoInkOutsideTheMargins("SERVICE_RECEIPT-with-service", receipt.pdf());
        assertThat(audit.of("PenaltyCase", c.getId())).filteredOn(e -> e.getAction().equals("CASE_DOCUMENT_SERVED")).hasSize(2);
        String list = mvc.perform(get("/api/cases/" + c.getId() + "/document-services").with(user(o.officer()))).andReturn()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(list).contains("直接送达", "电子送达");
        assertThat(mvc.perform(get("/api/cases/" + c.getId() + "/document-services").with(user(office().officer()))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertReRenderedIdentically(c.getId());
    }

    private Integer counter(Office o, String key) {
        List<Integer> v = jdbc.queryForList("SELECT last_value FROM document_sequence WHERE agency_id = ? AND doc_type = ? AND doc_year = 2026",
                Integer.class, o.b().agency().getId(), key);
        return v.isEmpty() ? 0 : v.get(0); // a counter row created but never incremented has given no number
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc).replaceAll("\\s+", "");
        }
    }

    /**
     * Every page at 72 dpi (1 px = 1 pt) written to target/casedocs/ for looking at, and no ink in the left, right and
     * top margins (the page number sits in the bottom margin by design).
     */
    static void assertNoInkOutsideTheMargins(String name, byte[] pdf) throws IOException {
        Path dir = Path.of("target", "casedocs");
        Files.createDirectories(dir);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                BufferedImage img = renderer.renderImageWithDPI(p, 72);
                ImageIO.write(img, "png", dir.resolve(name + "-" + (p + 1) + ".png").toFile());
                int w = img.getWidth();
                int h = img.getHeight();
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        boolean margin = x < 50 || x >= w - 45 || y < 50;
                        if (margin) {
                            int rgb = img.getRGB(x, y);
                            int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                            assertThat(Math.min(r, Math.min(g, b))).as("%s page %d ink at (%d,%d)", name, p + 1, x, y)
                                    .isGreaterThan(200);
                        }
                    }
                }
            }
        }
    }
}
