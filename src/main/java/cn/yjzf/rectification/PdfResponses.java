package cn.yjzf.rectification;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The stored PDF of an order as a download named after its document number. */
final class PdfResponses {

    private PdfResponses() {
    }

    static ResponseEntity<byte[]> attachment(RectificationOrder order) {
        String filename = "责令限期整改指令书-" + order.getDocumentNo() + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(order.getPdf());
    }
}
