package cn.yjzf.casefile;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.casefile.*}: the filing order (casework-facts §5: chronological, or 天津 2009's 决定书 first), per agency
 * id where an agency differs from the default, and the 保存期限 printed on the 案卷首页 — “永久” in 天津 2009 and 河南's
 * instructions, which also allow 定期10年/30年 (legal-facts §7, 🟡 secondary), so it is data, not code.
 */
@ConfigurationProperties("app.casefile")
public record CaseFileProperties(FilingOrder filingOrder, Map<Long, FilingOrder> agencyFilingOrder, String retention) {

    public CaseFileProperties {
        filingOrder = filingOrder == null ? FilingOrder.CHRONOLOGICAL : filingOrder;
        agencyFilingOrder = agencyFilingOrder == null ? Map.of() : Map.copyOf(agencyFilingOrder);
        retention = retention == null || retention.isBlank() ? "永久" : retention;
    }

    public FilingOrder filingOrderOf(Long agencyId) {
        return agencyFilingOrder.getOrDefault(agencyId, filingOrder);
    }
}
