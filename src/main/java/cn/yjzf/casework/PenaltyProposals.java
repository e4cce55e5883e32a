package cn.yjzf.casework;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The 裁量 proposal a case is submitted with (penalty module, {@code POST /api/penalty-proposals}). Until it is wired,
 * {@link SubmittedProposals} takes what the handlers enter on the 案件处理呈批表.
 */
public interface PenaltyProposals {

    record Proposal(String ref, String penalty, BigDecimal fine, BigDecimal bandMin, BigDecimal bandMax,
                    String reasoning) {
    }

    Optional<Proposal> find(String ref);
}
