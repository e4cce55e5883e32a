package cn.yjzf.casedocuments;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** How one served document was served (送达方式, recipient, place, date, who served it). Evidence: never edited. */
@Entity
@Immutable
class DocumentService {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long documentId;
    private Long caseId;
    private String method;
    private String recipient;
    private String place;
    private LocalDate servedOn;
    private String consentRef;
    private String note;
    private Long servedBy;
    private String servedByName;
    private Instant recordedAt;

    protected DocumentService() {
    }

    DocumentService(Long documentId, Long caseId, String method, String recipient, String place, LocalDate servedOn,
                    String consentRef, String note, Long servedBy, String servedByName) {
        this.documentId = documentId;
        this.caseId = caseId;
        this.method = method;
        this.recipient = recipient;
        this.place = place;
        this.servedOn = servedOn;
        this.consentRef = consentRef;
        this.note = note;
        this.servedBy = servedBy;
        this.servedByName = servedByName;
        this.recordedAt = Instant.now();
    }

    Long getId() { return id; }
    Long getDocumentId() { return documentId; }
    String getMethod() { return method; }
    String getRecipient() { return recipient; }
    String getPlace() { return place; }
    LocalDate getServedOn() { return servedOn; }
    String getConsentRef() { return consentRef; }
    String getNote() { return note; }
    String getServedByName() { return servedByName; }
}
