package cn.yjzf.organisation;

/**
 * On what footing a township (街道) enforces. 行政处罚法 第二十条: 委托 — within a written 委托书 (matters, powers,
 * period), in the delegating agency's name, no re-delegation. 第二十四条: 赋权 — the province hands a county-level
 * department's powers to the township by a published decision, and the township acts in its own name.
 */
public enum TownshipLegalForm {
    DELEGATED("委托", "委托书编号"),
    EMPOWERED("赋权", "省级赋权决定文号");

    private final String label;
    private final String documentLabel;

    TownshipLegalForm(String label, String documentLabel) {
        this.label = label;
        this.documentLabel = documentLabel;
    }

    public String label() {
        return label;
    }

    public String documentLabel() {
        return documentLabel;
    }

    /** Whose name its documents carry: the delegating agency's under 委托, its own under 赋权. */
    public boolean actsInOwnName() {
        return this == EMPOWERED;
    }
}
