package cn.yjzf.documents;

import java.time.LocalDate;

/** An issued document as other features (the 案卷 binder) read it: in issue order, with its PDF. */
public record IssuedDocumentView(Long id, DocumentType type, String title, String documentNo, LocalDate issuedOn,
                                 byte[] pdf, boolean superseded) {
}
