package cn.yjzf.enterprise;

/**
 * 行业, with the sector (领域) whose hazard standards apply. The Chinese label is what the DRL rules compare with.
 * 商贸 has no article of its own in 应急管理部令第10号 and is judged by 第三条 and the 专项 articles.
 */
public enum Industry {
    METALLURGY("冶金", Sector.INDUSTRY_TRADE),
    NONFERROUS("有色", Sector.INDUSTRY_TRADE),
    BUILDING_MATERIALS("建材", Sector.INDUSTRY_TRADE),
    MACHINERY("机械", Sector.INDUSTRY_TRADE),
    LIGHT_INDUSTRY("轻工", Sector.INDUSTRY_TRADE),
    TEXTILE("纺织", Sector.INDUSTRY_TRADE),
    TOBACCO("烟草", Sector.INDUSTRY_TRADE),
    COMMERCE("商贸", Sector.INDUSTRY_TRADE),
    CHEMICAL("化工", Sector.CHEMICAL),
    HAZCHEM_TRADE("危险化学品经营", Sector.CHEMICAL),
    FIREWORKS("烟花爆竹", Sector.FIREWORKS),
    NON_COAL_MINE("非煤矿山", Sector.NON_COAL_MINE);

    private final String label;
    private final Sector sector;

    Industry(String label, Sector sector) {
        this.label = label;
        this.sector = sector;
    }

    public String label() {
        return label;
    }

    public Sector sector() {
        return sector;
    }

    /** 领域: the unit a rule set declares in {@code sectors}. */
    public enum Sector {
        INDUSTRY_TRADE("工贸"),
        CHEMICAL("化工和危险化学品"),
        FIREWORKS("烟花爆竹"),
        NON_COAL_MINE("非煤矿山");

        private final String label;

        Sector(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
