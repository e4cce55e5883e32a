package cn.yjzf.organisation;

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
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * 乡镇（街道）within an agency's area, enforcing either under a 委托书 (in the agency's name) or a provincial 赋权
 * decision (in its own name); see {@link TownshipLegalForm}. The authority document names the matters and, for a
 * 委托书, the validity period; {@link Delegations} answers whether it may act on a matter on a day.
 */
@Entity
public class Township {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private String name;
    @Enumerated(EnumType.STRING)
    private TownshipLegalForm legalForm = TownshipLegalForm.DELEGATED;
    private String authorityDocNo;
    private LocalDate validFrom;
    private LocalDate validUntil;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "township_matter", joinColumns = @JoinColumn(name = "township_id"))
    @Column(name = "matter")
    private Set<String> matters = new TreeSet<>();
    /** 机关代字 heading the numbers of documents it issues in its own name (赋权), e.g. 苏苏江黎应急; null = none registered. */
    private String documentCode;
    @Version
    private long version;

    protected Township() {
    }

    public Township(Long agencyId, String name) {
        this.agencyId = agencyId;
        this.name = name;
    }

    /** Sets the legal footing: the document number, its validity (null end = open-ended) and the matters. */
    public void authorise(TownshipLegalForm form, String documentNo, LocalDate from, LocalDate until, Collection<String> matters) {
        this.legalForm = form;
        this.authorityDocNo = documentNo;
        this.validFrom = from;
        this.validUntil = until;
        this.matters.clear();
        this.matters.addAll(matters);
    }

    /** Registers (or clears, with blank) the 机关代字 of a township that decides in its own name. */
    public void assignDocumentCode(String code) {
        this.documentCode = code == null || code.isBlank() ? null : code.trim();
    }

    void rename(Long agencyId, String name) {
        this.agencyId = agencyId;
        this.name = name;
    }

    /** May act on {@code matter} on {@code date}: the document exists, is in force that day and lists the matter. */
    public boolean mayActOn(String matter, LocalDate date) {
        return authorityDocNo != null && !authorityDocNo.isBlank() && validFrom != null && !date.isBefore(validFrom)
                && (validUntil == null || !date.isAfter(validUntil)) && matter != null && matters.contains(matter.trim());
    }

    public Long getId() { return id; }

    public Long getAgencyId() { return agencyId; }

    public String getName() { return name; }

    public TownshipLegalForm getLegalForm() { return legalForm; }

    public String getAuthorityDocNo() { return authorityDocNo; }

    public LocalDate getValidFrom() { return validFrom; }

    public LocalDate getValidUntil() { return validUntil; }

    public java.util.List<String> getMatters() { return matters.stream().sorted().toList(); }

    public String getDocumentCode() { return documentCode; }

    public long getVersion() { return version; }
}
