package cn.yjzf.casefile;

import cn.yjzf.documents.DocumentType;
import cn.yjzf.documents.DocumentsProperties;
import cn.yjzf.documents.PdfRenderer;
import cn.yjzf.rectification.OrderDocument;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.core.io.DefaultResourceLoader;

/** Real documents rendered from case-templates/ and real photos, for binding a 案卷 in tests and the benchmark. */
public final class CaseFileSamples {

    public static final PdfRenderer RENDERER = new PdfRenderer(
            new DocumentsProperties(Path.of("case-templates"), null, null, null, null, null), new DefaultResourceLoader());

    static final String[] TITLES = {"立案审批表", "询问通知书", "询问笔录", "勘验笔录", "调查终结报告", "行政处罚告知书",
        "陈述申辩笔录", "案件处理呈批表", "法制审核意见书", "行政处罚决定书", "文书送达回执", "结案审批表"};

    private CaseFileSamples() {
    }

    /** A rendered document: the 责令限期整改指令书 template under another title, {@code items} rows long (more rows, more pages). */
    public static CaseFileContent.Document document(int i, int items, LocalDate date) {
        String title = TITLES[i % TITLES.length];
        String number = "江应急案〔2026〕" + (100 + i) + "号";
        List<OrderDocument.Line> lines = new ArrayList<>();
        for (int n = 1; n <= items; n++) {
            lines.add(new OrderDocument.Line(n, "第" + n + "处：煤磨车间燃气管道未设置可燃气体报警装置。", "煤磨车间",
                    "一般事故隐患", List.of("《工贸企业重大事故隐患判定标准》第四条第（六）项"), "2026年6月30日"));
        }
        OrderDocument doc = new OrderDocument("江城市应急管理局", number, title, "江城南方水泥有限公司", "91330800MA2XXXXX1X",
                "江城市城南街道建设路88号", "王堃", "2026年6月10日", "煤磨车间", lines, false,
                List.of(new OrderDocument.Officer("张建国", "33080012345"), new OrderDocument.Officer("李明", "33080012346")),
                "2026年6月10日");
        return new CaseFileContent.Document(title, number, date,
                RENDERER.render(DocumentType.RECTIFICATION_ORDER, Map.of("doc", doc)), null);
    }

    /** A photo of {@code width}×{@code height} pixels, drawn so it has content. */
    public static byte[] photo(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 120, 160));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static CaseFileContent.Header header() {
        return new CaseFileContent.Header("江城市应急管理局", "案件编号 42", "江城南方水泥有限公司未采取措施消除事故隐患案",
                "未采取措施消除事故隐患", "罚款人民币五万元（《中华人民共和国安全生产法》第一百零二条）",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 6, 20), List.of("张建国", "李明"), null, null, "永久");
    }

    public static CaseFileContent.DecisionRecord decisionRecord() {
        return new CaseFileContent.DecisionRecord("2026年3月1日复查发现煤磨车间可燃气体报警装置仍未设置。", "给予行政处罚",
                "罚款人民币五万元", List.of("《中华人民共和国安全生产法》第一百零二条"), List.of("AQF-102 法定幅度"),
                List.of("anquanfa-2021"), List.of("系统默认（非官方基准）"), List.of());
    }
}
