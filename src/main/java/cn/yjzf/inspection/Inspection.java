package cn.yjzf.inspection;

import cn.yjzf.common.ConflictException;
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
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/** 现场检查: one visit to one enterprise by at least two certified officers. */
@Entity
public class Inspection {

    public enum Status {
        OPEN("检查中"), ORDER_ISSUED("已下达整改指令");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long enterpriseId;
    private Long agencyId;
    private Long townshipId;
    private LocalDate inspectionDate;
    private String place;
    @Enumerated(EnumType.STRING)
    private Status status = Status.OPEN;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inspection_officer", joinColumns = @JoinColumn(name = "inspection_id"))
    @Column(name = "user_id")
    private Set<Long> officerIds = new LinkedHashSet<>();
    /** The 责令限期整改指令书 that froze this inspection. */
    private Long orderId;
    private String orderNo;
    private Long createdBy;
    private Instant createdAt;
    @Version
    private long version;

    protected Inspection() {
    }

    Inspection(Long enterpriseId, Long agencyId, Long townshipId, LocalDate inspectionDate, String place,
               Set<Long> officerIds, Long createdBy) {
        this.enterpriseId = enterpriseId;
        this.agencyId = agencyId;
        this.townshipId = townshipId;
        this.inspectionDate = inspectionDate;
        this.place = place;
        this.officerIds = new LinkedHashSet<>(officerIds);
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    void requireOpen() {
        if (status != Status.OPEN) {
            throw new ConflictException("INSPECTION_CLOSED", "本次检查已下达整改指令，不能再修改检查发现");
        }
    }

    /** The rectification order has been issued: findings are frozen from now on. */
    public void orderIssued(Long orderId, String orderNo) {
        requireOpen();
        this.status = Status.ORDER_ISSUED;
        this.orderId = orderId;
        this.orderNo = orderNo;
    }

    public Long getOrderId() { return orderId; }

    public String getOrderNo() { return orderNo; }

    public Long getId() { return id; }

    public Long getEnterpriseId() { return enterpriseId; }

    public Long getAgencyId() { return agencyId; }

    public Long getTownshipId() { return townshipId; }

    public LocalDate getInspectionDate() { return inspectionDate; }

    public String getPlace() { return place; }

    public Status getStatus() { return status; }

    public Set<Long> getOfficerIds() { return Set.copyOf(officerIds); }

    public Long getCreatedBy() { return createdBy; }

    public Instant getCreatedAt() { return createdAt; }

    public long getVersion() { return version; }
}
