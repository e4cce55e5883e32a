package cn.yjzf.inspection;

import cn.yjzf.common.InvalidInputException;
import cn.yjzf.enterprise.Enterprise;
import cn.yjzf.enterprise.EnterpriseFlag;
import cn.yjzf.enterprise.EnterpriseService;
import cn.yjzf.judgment.ChecklistGroup;
import cn.yjzf.judgment.ChecklistService;
import cn.yjzf.judgment.EnterpriseFacts;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Jurisdiction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise flags that scope whole articles (金属冶炼, 粉尘涉爆, 涉氨制冷, 有限空间作业) as an inspection meets them:
 * while a flag is missing from the register its items are not offered and no major can be recorded under them, so the
 * checklist page names, for each missing flag, the articles it would open, prompts when the industry makes it likely,
 * and lets the officer record what was found on site (the enterprise record is updated and audited).
 */
@Service
public class SiteFlags {

    /** A flag the register lacks: the items it would open and whether the enterprise's industry makes it likely. */
    public record Prompt(String flag, List<String> items, boolean plausible) {
    }

    private final InspectionService inspections;
    private final EnterpriseService enterprises;
    private final ChecklistService checklist;

    SiteFlags(InspectionService inspections, EnterpriseService enterprises, ChecklistService checklist) {
        this.inspections = inspections;
        this.enterprises = enterprises;
        this.checklist = checklist;
    }

    @Transactional(readOnly = true)
    public List<Prompt> prompts(Jurisdiction j, Long inspectionId) {
        Inspection i = inspections.get(j, inspectionId);
        Enterprise e = enterprises.get(j, i.getEnterpriseId());
        String sector = e.getIndustry().sector().label();
        Set<String> offered = new HashSet<>();
        checklist.applicableGroups(e.facts(), sector, i.getInspectionDate()).forEach(g -> offered.add(g.code()));
        List<Prompt> prompts = new ArrayList<>();
        for (EnterpriseFlag flag : EnterpriseFlag.values()) {
            if (e.getFlags().contains(flag)) {
                continue;
            }
            Set<String> with = new HashSet<>(e.flagLabels());
            with.add(flag.label());
            List<String> items = checklist.applicableGroups(new EnterpriseFacts(e.getIndustry().label(), with,
                            e.getMajorHazardSourceLevel()), sector, i.getInspectionDate()).stream()
                    .filter(g -> !offered.contains(g.code())).map(ChecklistGroup::reference).distinct().toList();
            if (!items.isEmpty()) {
                prompts.add(new Prompt(flag.label(), items, flag.plausibleIn(e.getIndustry())));
            }
        }
        return prompts;
    }

    /** Records a flag found on site during an open inspection; {@code enterpriseVersion} guards concurrent edits. */
    @Transactional
    public Enterprise record(CurrentUser user, Long inspectionId, String flagLabel, long enterpriseVersion) {
        Inspection i = inspections.get(user.jurisdiction(), inspectionId);
        i.requireOpen();
        EnterpriseFlag flag = EnterpriseFlag.ofLabel(flagLabel == null ? "" : flagLabel.trim())
                .orElseThrow(() -> new InvalidInputException("flag", "UNKNOWN_FLAG", "未知的企业标记「" + flagLabel + "」"));
        return enterprises.addFlagFoundOnSite(user, i.getEnterpriseId(), flag, enterpriseVersion,
                "现场检查（" + i.getInspectionDate() + "）");
    }
}
