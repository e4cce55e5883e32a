package cn.yjzf.organisation;

import java.util.List;
import java.util.Optional;

/**
 * The one vocabulary of enforcement matters a township can be entrusted with (委托事项目录) or empowered for (赋权事项):
 * {@link #INSPECTION} for 行政检查 with its 责令改正 and 现场处理措施, and each penalty matter under the penalty module's
 * violation code. Implemented outside this package (over the penalty module's 违法行为库) so that the organisation
 * depends on no business feature.
 */
public interface EnforcementMatterCatalogue {

    /** 行政检查, including 责令改正 and 现场处理措施 taken during it. */
    String INSPECTION = "INSPECTION";

    record Matter(String code, String title, String basis) {
    }

    List<Matter> all();

    default Optional<Matter> find(String code) {
        return all().stream().filter(m -> m.code().equals(code)).findFirst();
    }
}
