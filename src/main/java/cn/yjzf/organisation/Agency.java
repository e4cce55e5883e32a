package cn.yjzf.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** 应急管理局 / 执法机关. {@code shortName} (机关代字, e.g. 衢应急) heads its document numbers. */
@Entity
public class Agency {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String shortName;
    private Long parentId;
    @Enumerated(EnumType.STRING)
    private AgencyLevel level = AgencyLevel.CITY;
    @Version
    private long version;

    protected Agency() {
    }

    public Agency(String name, String shortName) {
        this.name = name;
        this.shortName = shortName;
    }

    public Agency(String name, String shortName, AgencyLevel level, Long parentId) {
        this(name, shortName);
        this.level = level;
        this.parentId = parentId;
    }

    /** An administrator's edit; the caller has checked the tree and the optimistic-lock version. */
    void update(String name, String shortName, AgencyLevel level, Long parentId) {
        this.name = name;
        this.shortName = shortName;
        this.level = level;
        this.parentId = parentId;
    }

    public Long getId() { return id; }

    public AgencyLevel getLevel() { return level; }

    public long getVersion() { return version; }

    public String getName() { return name; }

    public String getShortName() { return shortName; }

    public Long getParentId() { return parentId; }
}
