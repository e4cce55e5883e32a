package cn.yjzf.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yjzf.casefile.BoundCaseFile;
import cn.yjzf.casefile.CaseFileBinder;
import cn.yjzf.casefile.CaseFileContent;
import cn.yjzf.casefile.CaseFileSamples;
import cn.yjzf.casefile.FilingOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Binding a 案卷 of 20 issued documents (1–3 pages each, already rendered, as the store holds them) and 10 camera-size
 * JPEG photos (4000×3000): cover, index, decision record, photo pages, merge and page stamps. Writes
 * target/benchmark/casefile.md. Run with {@code ./mvnw -Pbenchmark test -Dtest=CaseFileBenchmark}.
 */
class CaseFileBenchmark {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 10);

    @Test
    void twentyDocumentsAndTenPhotos() throws Exception {
        List<CaseFileContent.Document> documents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            documents.add(CaseFileSamples.document(i, 1 + (i % 3) * 6, LocalDate.of(2026, 3, 2).plusDays(i)));
        }
        List<CaseFileContent.Attachment> photos = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            photos.add(new CaseFileContent.Attachment("现场照片" + (i + 1) + ".jpg", "image/jpeg",
                    CaseFileSamples.photo("jpg", 4000, 3000), LocalDate.of(2026, 3, 1)));
        }
        CaseFileContent content = new CaseFileContent(CaseFileSamples.header(), documents, CaseFileSamples.decisionRecord(), photos);
        CaseFileBinder binder = new CaseFileBinder(CaseFileSamples.RENDERER);
        for (int i = 0; i < 3; i++) {
            binder.bind(content, FilingOrder.CHRONOLOGICAL); // warm-up: fonts, templates, JIT
        }
        long[] ms = new long[ROUNDS];
        BoundCaseFile last = null;
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            last = binder.bind(content, FilingOrder.CHRONOLOGICAL);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        assertThat(last.index()).hasSize(31);
        long photoBytes = photos.stream().mapToLong(p -> p.bytes().length).sum();
        String report = "# 案卷装订\n\n"
                + "20 份文书 + 10 张照片（4000×3000 JPEG，共 " + photoBytes / 1024 + " KB），"
                + (last.frontPages() + last.numberedPages()) + " 页，PDF " + last.pdf().length / 1024 + " KB\n\n"
                + "| 轮次 | 中位数 | 最大 |\n|---:|---:|---:|\n| " + ROUNDS + " | " + ms[ROUNDS / 2] + " ms | " + ms[ROUNDS - 1] + " ms |\n";
        Path out = Path.of("target/benchmark/casefile.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report);
    }
}
