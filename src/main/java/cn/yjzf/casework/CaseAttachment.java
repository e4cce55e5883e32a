package cn.yjzf.casework;

import cn.yjzf.common.ConflictException;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A photo or PDF on a case's evidence list, optionally tied to an investigative act. Only metadata here; the bytes are
 * in {@link CaseAttachmentContent} so that listing never reads them. Removal is a recorded soft removal (who, when,
 * why) so the full-process record keeps it.
 */
@Entity
public class CaseAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    private Long actId;
    private String fileName;
    private String mediaType;
    private long sizeBytes;
    private String sha256;
    private Integer width;
    private Integer height;
    private Long uploadedBy;
    private Instant uploadedAt;
    private Long removedBy;
    private Instant removedAt;
    private String removalReason;
    @Version
    private long version;

    protected CaseAttachment() {
    }

    CaseAttachment(Long caseId, Long actId, String fileName, AttachmentInspector.Inspected file, Long uploadedBy) {
        this.caseId = caseId;
        this.actId = actId;
        this.fileName = fileName;
        this.mediaType = file.mediaType();
        this.sizeBytes = file.size();
        this.sha256 = file.sha256();
        this.width = file.width();
        this.height = file.height();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = Instant.now();
    }

    void remove(Long by, String reason) {
        if (removedAt != null) {
            throw new ConflictException("ALREADY_REMOVED", "该附件已删除");
        }
        removedBy = by;
        removedAt = Instant.now();
        removalReason = reason;
    }

    public boolean isRemoved() { return removedAt != null; }
    public boolean isPhoto() { return mediaType.startsWith("image/"); }
    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getActId() { return actId; }
    public String getFileName() { return fileName; }
    public String getMediaType() { return mediaType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public Integer getWidth() { return width; }
    public Integer getHeight() { return height; }
    public Long getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
    public Long getRemovedBy() { return removedBy; }
    public Instant getRemovedAt() { return removedAt; }
    public String getRemovalReason() { return removalReason; }
    public long getVersion() { return version; }
}
