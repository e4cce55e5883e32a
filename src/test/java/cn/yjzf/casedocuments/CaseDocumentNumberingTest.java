package cn.yjzf.casedocuments;

import static cn.yjzf.casedocuments.CaseDocumentsTest.FILED;
import static cn.yjzf.casedocuments.CaseDocumentsTest.MATTER;
import static cn.yjzf.casedocuments.CaseDocumentsTest.on;
import static cn.yjzf.casedocuments.CaseDocumentsTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.casework.CaseCommand.Action;
import cn.yjzf.casework.CaseEnums;
import cn.yjzf.casework.CaseFixtures;
import cn.yjzf.casework.CaseworkService;
import cn.yjzf.casework.NewCase;
import cn.yjzf.casework.PenaltyCase;
import cn.yjzf.documents.DocumentNumbers;
import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.IssuedDocument;
import cn.yjzf.documents.IssuedDocumentView;
import cn.yjzf.documents.IssuedDocuments;
import cn.yjzf.documents.NumberRequest;
import cn.yjzf.documents.SequenceScope;
import cn.yjzf.flow.Fixtures;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Role;
import cn.yjzf.organisation.Township;
import cn.yjzf.organisation.TownshipRepository;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbering edge cases under the per-case scope: a superseding document (or a second one of a kind) never repeats a
 * number of the case ("…号之一"), and a township deciding in its own name (赋权) numbers with its own 机关代字 and counters.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:casedocnumbers;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "app.demo-data=false", "app.documents.sequence-scope=CASE"})
class CaseDocumentNumberingTest {

    @Autowired CaseworkService cases;
    @Autowired CaseDocuments documents;
    @Autowired IssuedDocuments store;
    @Autowired Fixtures fixtures;
    @Autowired CaseFixtures fx;
    @Autowired TownshipRepository townships;
    @Autowired DocumentNumbers numbers;
    @Autowired TransactionTemplate tx;

    private PenaltyCase openedAndFiled(CurrentUser handler, CurrentUser colleague, CurrentUser approver, String party) {
        PenaltyCase c = cases.open(handler, new NewCase(null, party, CaseEnums.PartyType.ORGANISATION, MATTER, null,
                CaseEnums.Source.HAZARD, null, "编号测试案", List.of(handler.id(), colleague.id()), null, null, null, null));
        c = cases.perform(handler, c.getId(), on(Action.SUBMIT_FILING, c, FILED));
        return cases.perform(approver, c.getId(), on(Action.APPROVE, c, FILED));
    }

    private String number(Long caseId, DocumentType type) {
        return store.ofOwner(CaseDocuments.OWNER, caseId).stream().filter(d -> d.type() == type && !d.superseded())
                .map(IssuedDocumentView::documentNo).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void underTheCaseScopeASupersedingDocumentGetsTheNextSubNumberNeverTheSupersededOne() throws Exception {
        Fixtures.Bureau b = fixtures.bureau("案应急");
        CurrentUser approver = fx.townshipUser("局长", b, null, Role.APPROVER);
        PenaltyCase c = openedAndFiled(b.officer(), b.officer2(), approver, "编号测试公司");
        String first = number(c.getId(), DocumentType.CASE_FILING);
        assertThat(first).matches("案应急立〔2026〕\\d+号");
        IssuedDocument filing = store.entitiesOf(CaseDocuments.OWNER, c.getId()).get(0);
        IssuedDocument second = documents.supersede(b.officer(), c.getId(), filing.getId(), "当事人名称有误");
        assertThat(second.getDocumentNo()).isEqualTo(first + "之一");
        assertThat(text(second.getPdf())).contains(first + "之一");
        IssuedDocument third = documents.supersede(b.officer(), c.getId(), second.getId(), "地址有误");
        assertThat(third.getDocumentNo()).isEqualTo(first + "之二");

        // two 询问通知书 of one case: the second is 之一; a rolled-back issue gives its sub-number back (never skipped)
        String serial = first.substring(first.indexOf('〕') + 1);
        assertThat(documents.issueOnDemand(b.officer(), c.getId(), DocumentType.INQUIRY_NOTICE).getDocumentNo())
                .isEqualTo("案应急询〔2026〕" + serial);
        tx.executeWithoutResult(s -> {
            documents.issueOnDemand(b.officer(), c.getId(), DocumentType.INQUIRY_NOTICE);
            s.setRollbackOnly();
        });
        assertThat(documents.issueOnDemand(b.officer(), c.getId(), DocumentType.INQUIRY_NOTICE).getDocumentNo())
                .isEqualTo("案应急询〔2026〕" + serial + "之一");
        List<String> all = store.ofOwner(CaseDocuments.OWNER, c.getId()).stream().map(IssuedDocumentView::documentNo).toList();
        assertThat(all).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void aTownshipDecidingInItsOwnNameNumbersWithItsOwnCodeAndItsOwnCounters() throws Exception {
        Fixtures.Bureau b = fixtures.bureau("赋应急");
        fx.delegate(b.township().getId(), "EMPOWERED", List.of(MATTER), LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31));
        CurrentUser township = b.townshipEnforcer();
        CurrentUser townshipHead = fx.townshipUser("镇长", b, b.township().getId(), Role.APPROVER);
        CurrentUser agencyHead = fx.townshipUser("局长", b, null, Role.APPROVER);

        // before a 代字 is registered, the township stays in the agency's series (never a number the agency also gives)
        PenaltyCase unregistered = openedAndFiled(township, b.officer(), townshipHead, "未登记代字公司");
        assertThat(number(unregistered.getId(), DocumentType.CASE_FILING)).isEqualTo("赋应急立〔2026〕1号");

        Township t = townships.findById(b.township().getId()).orElseThrow();
        t.assignDocumentCode("苏苏江黎应急");
        townships.save(t);
        PenaltyCase agencyCase = openedAndFiled(b.officer(), b.officer2(), agencyHead, "机关案件公司");
        PenaltyCase first = openedAndFiled(township, b.officer(), townshipHead, "乡镇案件一公司");
        PenaltyCase second = openedAndFiled(township, b.officer(), townshipHead, "乡镇案件二公司");
        assertThat(number(agencyCase.getId(), DocumentType.CASE_FILING)).isEqualTo("赋应急立〔2026〕2号");
        assertThat(number(first.getId(), DocumentType.CASE_FILING)).isEqualTo("苏苏江黎应急立〔2026〕1号");
        assertThat(number(second.getId(), DocumentType.CASE_FILING)).isEqualTo("苏苏江黎应急立〔2026〕2号");
        String text = text(store.ofOwner(CaseDocuments.OWNER, first.getId()).get(0).pdf());
        assertThat(text).startsWith(b.township().getName() + "立案审批表").contains("苏苏江黎应急立〔2026〕1号");

        // the per-type scope keeps the township's counters apart from the agency's too
        Long agency = b.agency().getId();
        List<String> drawn = tx.execute(s -> List.of(
                numbers.allocate(new NumberRequest(agency, "苏苏江黎应急", DocumentType.PENALTY_DECISION_ORGANISATION, 2022,
                        null, null, null, t.getId()), SequenceScope.DOCUMENT_TYPE).documentNo(),
                numbers.allocate(new NumberRequest(agency, "赋应急", DocumentType.PENALTY_DECISION_ORGANISATION, 2022,
                        null, null, null), SequenceScope.DOCUMENT_TYPE).documentNo(),
                numbers.allocate(new NumberRequest(agency, "苏苏江黎应急", DocumentType.PENALTY_DECISION_INDIVIDUAL, 2022,
                        null, null, null, t.getId()), SequenceScope.DOCUMENT_TYPE).documentNo()));
        assertThat(drawn).containsExactly("苏苏江黎应急罚〔2022〕1号", "赋应急罚〔2022〕1号", "苏苏江黎应急罚〔2022〕2号");
    }
}
