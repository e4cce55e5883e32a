package cn.yjzf.organisation;

/** Level of an agency in the tree province → city → county; a parent is always of a higher level. */
public enum AgencyLevel {
    PROVINCE("省级"),
    CITY("市级"),
    COUNTY("县级");

    private final String label;

    AgencyLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when an agency of this level may sit directly under one of {@code parent}'s level. */
    public boolean mayBeUnder(AgencyLevel parent) {
        return parent.ordinal() + 1 == ordinal();
    }
}
