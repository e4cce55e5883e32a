package cn.yjzf.supervision;

import cn.yjzf.rectification.EscalationRemarks;
import org.springframework.stereotype.Component;

/** The 第一百一十三条 关闭 proposal in the cause of a case opened in one step from an overdue or failed item. */
@Component
class ClosureEscalationRemarks implements EscalationRemarks {

    private final ClosureProposals proposals;

    ClosureEscalationRemarks(ClosureProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public String about(Long enterpriseId) {
        return proposals.forEnterprise(enterpriseId).map(ClosureProposals.ClosureFlag::remark).orElse("");
    }
}
