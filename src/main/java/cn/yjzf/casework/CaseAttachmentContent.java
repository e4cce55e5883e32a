package cn.yjzf.casework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The bytes of a {@link CaseAttachment}, written in the same transaction as its metadata and never changed. */
@Entity
class CaseAttachmentContent {

    @Id
    private Long attachmentId;
    @Column(columnDefinition = "BYTEA")
    private byte[] content;

    protected CaseAttachmentContent() {
    }

    CaseAttachmentContent(Long attachmentId, byte[] content) {
        this.attachmentId = attachmentId;
        this.content = content;
    }

    byte[] getContent() { return content; }
}
