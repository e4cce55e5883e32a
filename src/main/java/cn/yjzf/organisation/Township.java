package cn.yjzf.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** 乡镇（街道）within an agency's area; its delegated enforcers act in the agency's name. */
@Entity
public class Township {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private String name;
    @Version
    private long version;

    protected Township() {
    }

    public Township(Long agencyId, String name) {
        this.agencyId = agencyId;
        this.name = name;
    }

    public Long getId() { return id; }

    public Long getAgencyId() { return agencyId; }

    public String getName() { return name; }
}
