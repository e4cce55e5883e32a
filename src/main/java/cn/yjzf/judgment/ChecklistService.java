package cn.yjzf.judgment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The checklist groups an officer may answer for an enterprise on a date: those of the rule sets then in force. */
@Service
public class ChecklistService {

    private final RuleEngine engine;

    ChecklistService(RuleEngine engine) {
        this.engine = engine;
    }

    public List<ChecklistGroup> applicableGroups(EnterpriseFacts enterprise, String sector, LocalDate date) {
        return engine.ruleBase().inForce(date, sector).stream()
                .flatMap(s -> s.checklist().groups().stream())
                .filter(g -> g.appliesTo(enterprise.getIndustry(), enterprise.getFlags()))
                .toList();
    }

    public Optional<ChecklistGroup> applicableGroup(EnterpriseFacts enterprise, String sector, LocalDate date, String code) {
        return applicableGroups(enterprise, sector, date).stream().filter(g -> g.code().equals(code)).findFirst();
    }
}
