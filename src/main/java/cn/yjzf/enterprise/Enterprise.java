package cn.yjzf.enterprise;

import cn.yjzf.judgment.EnterpriseFacts;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** 生产经营单位, registered under one agency (and township) — the jurisdiction that may inspect it. */
@Entity
public class Enterprise {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String creditCode;
    private String name;
    @Enumerated(EnumType.STRING)
    private Industry industry;
    private Long agencyId;
    private Long townshipId;
    private String address;
    private String legalRepresentative;
    @Column(name = "major_hazard_level")
    private Integer majorHazardSourceLevel;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "enterprise_flag", joinColumns = @JoinColumn(name = "enterprise_id"))
    @Column(name = "flag")
    @Enumerated(EnumType.STRING)
    private Set<EnterpriseFlag> flags = EnumSet.noneOf(EnterpriseFlag.class);
    private Instant createdAt;
    @Version
    private long version;

    protected Enterprise() {
    }

    public Enterprise(String creditCode, String name, Industry industry, Long agencyId, Long townshipId, String address,
                      String legalRepresentative, Set<EnterpriseFlag> flags, Integer majorHazardSourceLevel) {
        this.creditCode = creditCode;
        this.name = name;
        this.industry = industry;
        this.agencyId = agencyId;
        this.townshipId = townshipId;
        this.address = address;
        this.legalRepresentative = legalRepresentative;
        this.flags = flags.isEmpty() ? EnumSet.noneOf(EnterpriseFlag.class) : EnumSet.copyOf(flags);
        this.majorHazardSourceLevel = majorHazardSourceLevel;
        this.createdAt = Instant.now();
    }

    /** An officer found on site what this flag stands for (e.g. 粉尘涉爆): the register now says so. */
    public void addFlagFoundOnSite(EnterpriseFlag flag) {
        flags.add(flag);
    }

    /** The enterprise as the hazard rules see it. */
    public EnterpriseFacts facts() {
        return new EnterpriseFacts(industry.label(), flagLabels(), majorHazardSourceLevel);
    }

    public Set<String> flagLabels() {
        return flags.stream().map(EnterpriseFlag::label).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public Long getId() { return id; }

    public String getCreditCode() { return creditCode; }

    public String getName() { return name; }

    public Industry getIndustry() { return industry; }

    public Long getAgencyId() { return agencyId; }

    public Long getTownshipId() { return townshipId; }

    public String getAddress() { return address; }

    public String getLegalRepresentative() { return legalRepresentative; }

    public Integer getMajorHazardSourceLevel() { return majorHazardSourceLevel; }

    public Set<EnterpriseFlag> getFlags() { return Set.copyOf(flags); }

    public long getVersion() { return version; }
}
