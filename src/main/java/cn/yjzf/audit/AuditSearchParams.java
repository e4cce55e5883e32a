package cn.yjzf.audit;

/** The search fields as typed (query parameters of the page, the API and the exports), parsed by {@link #query()}. */
public record AuditSearchParams(String actor, String from, String to, String action, String entityType,
                                String entityId) {

    AuditQuery query() {
        return AuditQuery.parse(actor, from, to, action, entityType, entityId);
    }
}
