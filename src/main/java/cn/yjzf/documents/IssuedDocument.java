package cn.yjzf.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An issued 执法文书: the PDF as served, the JSON data it was rendered from and the template version (SHA-256 of the
 * exact text, kept in {@code document_template_version}). Never edited; a mistake is corrected by a new numbered
 * document that supersedes this one with the reason recorded.
 */
@Entity
public class IssuedDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "doc_type")
    private DocumentType type;
    private String ownerType;
    private Long ownerId;
    private Long agencyId;
    private String title;
    private String documentNo;
    private LocalDate issuedOn;
    private Instant issuedAt;
    private Long issuedBy;
    private String issuedByName;
    private byte[] pdf;
    private String pdfSha256;
    private String dataSnapshot;
    private String templateName;
    private String templateSha256;
    private Long supersededBy;
    private String supersedeReason;
    private Instant supersededAt;
    @Version
    private long version;

    protected IssuedDocument() {
    }

    IssuedDocument(DocumentType type, String ownerType, Long ownerId, Long agencyId, String documentNo,
                   LocalDate issuedOn, Long issuedBy, String issuedByName, byte[] pdf, String dataSnapshot,
                   TemplateText template) {
        this.type = type;
        this.ownerType = ownerType;
        this.ownerId = ownerId;
        this.agencyId = agencyId;
        this.title = type.title();
        this.documentNo = documentNo;
        this.issuedOn = issuedOn;
        this.issuedAt = Instant.now();
        this.issuedBy = issuedBy;
        this.issuedByName = issuedByName;
        this.pdf = pdf;
        this.pdfSha256 = Hashes.sha256(pdf);
        this.dataSnapshot = dataSnapshot;
        this.templateName = template.name();
        this.templateSha256 = template.sha256();
    }

    void supersededBy(Long replacementId, String reason) {
        if (supersededBy != null) {
            throw new cn.yjzf.common.ConflictException("ALREADY_SUPERSEDED", "该文书已被更正文书取代");
        }
        this.supersededBy = replacementId;
        this.supersedeReason = reason;
        this.supersededAt = Instant.now();
    }

    public IssuedDocumentView view() {
        return new IssuedDocumentView(id, type, title, documentNo, issuedOn, pdf, supersededBy != null);
    }

    public boolean isSuperseded() { return supersededBy != null; }
    public Long getId() { return id; }
    public DocumentType getType() { return type; }
    public String getOwnerType() { return ownerType; }
    public Long getOwnerId() { return ownerId; }
    public Long getAgencyId() { return agencyId; }
    public String getTitle() { return title; }
    public String getDocumentNo() { return documentNo; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public Instant getIssuedAt() { return issuedAt; }
    public Long getIssuedBy() { return issuedBy; }
    public String getIssuedByName() { return issuedByName; }
    public byte[] getPdf() { return pdf; }
    public String getPdfSha256() { return pdfSha256; }
    public String getDataSnapshot() { return dataSnapshot; }
    public String getTemplateName() { return templateName; }
    public String getTemplateSha256() { return templateSha256; }
    public Long getSupersededBy() { return supersededBy; }
    public String getSupersedeReason() { return supersedeReason; }
    public Instant getSupersededAt() { return supersededAt; }
    public long getVersion() { return version; }
}
