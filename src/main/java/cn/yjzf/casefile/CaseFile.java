package cn.yjzf.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * A filed 案卷: the bound PDF exactly as filed, with its SHA-256 and 归档号. Frozen: the entity has no mutator and is
 * {@link Immutable} (Hibernate never writes an update for it), so later changes to the case's documents cannot alter it
 * and a re-download returns the same bytes. Being immutable it needs no optimistic-lock version; a second filing of
 * the same case is refused by {@code uq_case_file_case}.
 */
@Entity
@Immutable
public class CaseFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    private Long agencyId;
    private Long townshipId;
    private String archiveNo;
    private int archiveYear;
    private int archiveSeq;
    private LocalDate archivedOn;
    private Long archivedBy;
    private Instant archivedAt;
    private String retention;
    private int pageCount;
    private byte[] pdf;
    private String pdfSha256;

    protected CaseFile() {
    }

    CaseFile(Long caseId, Long agencyId, Long townshipId, String archiveNo, int archiveYear, int archiveSeq,
             LocalDate archivedOn, Long archivedBy, String retention, int pageCount, byte[] pdf, String pdfSha256) {
        this.caseId = caseId;
        this.agencyId = agencyId;
        this.townshipId = townshipId;
        this.archiveNo = archiveNo;
        this.archiveYear = archiveYear;
        this.archiveSeq = archiveSeq;
        this.archivedOn = archivedOn;
        this.archivedBy = archivedBy;
        this.archivedAt = Instant.now();
        this.retention = retention;
        this.pageCount = pageCount;
        this.pdf = pdf.clone();
        this.pdfSha256 = pdfSha256;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getAgencyId() { return agencyId; }
    public Long getTownshipId() { return townshipId; }
    public String getArchiveNo() { return archiveNo; }
    public LocalDate getArchivedOn() { return archivedOn; }
    public Long getArchivedBy() { return archivedBy; }
    public Instant getArchivedAt() { return archivedAt; }
    public String getRetention() { return retention; }
    public int getPageCount() { return pageCount; }
    public byte[] getPdf() { return pdf.clone(); }
    public String getPdfSha256() { return pdfSha256; }
}
