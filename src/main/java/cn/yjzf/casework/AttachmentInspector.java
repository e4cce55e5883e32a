package cn.yjzf.casework;

import cn.yjzf.common.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Decides what an uploaded evidence file is from its first bytes, never from its name or the browser's Content-Type:
 * JPEG, PNG or PDF, anything else (SVG, HTML, executables …) refused naming the field. Images have their dimensions
 * read from the header only (no pixels decoded) and are refused above a pixel budget, so a small file declaring a
 * huge canvas (decompression bomb) never reaches a later decoder such as the 案卷 binder.
 */
@Component
class AttachmentInspector {

    static final String FIELD = "file";

    record Inspected(String mediaType, long size, String sha256, Integer width, Integer height) {
    }

    private final long maxBytes;
    private final long maxPixels;

    AttachmentInspector(@Value("${app.casework.attachments.max-size:20MB}") DataSize maxSize,
                        @Value("${app.casework.attachments.max-pixels:50000000}") long maxPixels) {
        this.maxBytes = maxSize.toBytes();
        this.maxPixels = maxPixels;
    }

    long maxBytes() {
        return maxBytes;
    }

    Inspected inspect(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException(FIELD, "REQUIRED", "请选择要上传的照片或文件");
        }
        if (bytes.length > maxBytes) {
            throw new InvalidInputException(FIELD, "FILE_TOO_LARGE",
                    "文件超过大小限制（" + DataSize.ofBytes(maxBytes).toMegabytes() + " MB）");
        }
        String sha = sha256(bytes);
        if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2D)) { // %PDF-
            requireReadablePdf(bytes);
            return new Inspected("application/pdf", bytes.length, sha, null, null);
        }
        String type;
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            type = "image/jpeg";
        } else if (startsWith(bytes, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            type = "image/png";
        } else {
            throw new InvalidInputException(FIELD, "UNSUPPORTED_FILE_TYPE",
                    "只接受 JPEG、PNG 照片或 PDF 文件（按文件内容判断，不看文件名）");
        }
        int[] size = dimensions(bytes, type);
        if (size[0] <= 0 || size[1] <= 0 || (long) size[0] * size[1] > maxPixels) {
            throw new InvalidInputException(FIELD, "IMAGE_TOO_LARGE",
                    "照片尺寸不合理（" + size[0] + "×" + size[1] + " 像素，上限 " + maxPixels + " 像素）");
        }
        return new Inspected(type, bytes.length, sha, size[0], size[1]);
    }

    /** Width and height from the image header; an unreadable header is not an image of that type. */
    private static int[] dimensions(byte[] bytes, String type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
            if (in == null || !readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException i) {
                throw i;
            }
            throw unreadable();
        }
    }

    private static InvalidInputException unreadable() {
        return new InvalidInputException(FIELD, "UNREADABLE_IMAGE", "照片文件已损坏或不是有效的 JPEG/PNG 图像");
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A PDF must open, have pages and not be encrypted: the 案卷 merges its pages, and one unreadable upload would
     * otherwise stop the whole case file from binding.
     */
    private static void requireReadablePdf(byte[] bytes) {
        boolean readable;
        try {
            com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(bytes);
            try {
                readable = reader.getNumberOfPages() > 0 && !reader.isEncrypted();
            } finally {
                reader.close();
            }
        } catch (java.io.IOException | RuntimeException broken) {
            readable = false;
        }
        if (!readable) {
            throw new InvalidInputException("file", "UNREADABLE_PDF", "PDF 文件无法打开、没有页面或已加密，不能作为证据附件");
        }
    }
}
