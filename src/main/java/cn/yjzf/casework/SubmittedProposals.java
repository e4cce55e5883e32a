package cn.yjzf.casework;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Stand-in until the penalty module is wired: no stored proposals, the case keeps what the handlers submitted. */
@Component
class SubmittedProposals implements PenaltyProposals {

    @Override
    public Optional<Proposal> find(String ref) {
        return Optional.empty();
    }
}
