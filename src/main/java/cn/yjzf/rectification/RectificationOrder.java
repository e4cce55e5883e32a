package cn.yjzf.rectification;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 责令限期整改指令书 as issued: its number, items and the exact PDF served (with its SHA-256), so the document a
 * party received can always be reproduced byte for byte.
 */
@Entity
public class RectificationOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long inspectionId;
    private Long agencyId;
    private String documentNo;
    private int docYear;
    private int docSeq;
    private LocalDate issueDate;
    private Long issuedBy;
    private Instant issuedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "rectification_item", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("seq")
    private List<RectificationItem> items = new ArrayList<>();
    @Column(name = "pdf")
    private byte[] pdf;
    private String pdfSha256;
    @Version
    private long version;

    protected RectificationOrder() {
    }

    RectificationOrder(Long inspectionId, Long agencyId, String documentNo, int docYear, int docSeq, LocalDate issueDate,
                       Long issuedBy, List<RectificationItem> items) {
        this.inspectionId = inspectionId;
        this.agencyId = agencyId;
        this.documentNo = documentNo;
        this.docYear = docYear;
        this.docSeq = docSeq;
        this.issueDate = issueDate;
        this.issuedBy = issuedBy;
        this.issuedAt = Instant.now();
        this.items = new ArrayList<>(items);
    }

    void attachPdf(byte[] pdf, String sha256) {
        this.pdf = pdf;
        this.pdfSha256 = sha256;
    }

    public Long getId() { return id; }

    public Long getInspectionId() { return inspectionId; }

    public Long getAgencyId() { return agencyId; }

    public String getDocumentNo() { return documentNo; }

    public int getDocYear() { return docYear; }

    public int getDocSeq() { return docSeq; }

    public LocalDate getIssueDate() { return issueDate; }

    public Long getIssuedBy() { return issuedBy; }

    public Instant getIssuedAt() { return issuedAt; }

    public List<RectificationItem> getItems() { return List.copyOf(items); }

    public byte[] getPdf() { return pdf; }

    public String getPdfSha256() { return pdfSha256; }
}
