package cn.yjzf.organisation;

import jakarta.persistence.Entity;
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
    @Version
    private long version;

    protected Agency() {
    }

    public Agency(String name, String shortName) {
        this.name = name;
        this.shortName = shortName;
    }

    public Long getId() { return id; }

    public String getName() { return name; }

    public String getShortName() { return shortName; }

    public Long getParentId() { return parentId; }
}
