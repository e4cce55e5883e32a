package cn.yjzf.rectification;

import java.util.List;

/** What the 责令限期整改指令书 template prints; every value already formatted the way the document shows it. */
public record OrderDocument(String agencyName, String documentNo, String title, String enterpriseName,
                            String creditCode, String address, String legalRepresentative, String inspectionDate,
                            String place, List<Line> items, boolean hasMajor, List<Officer> officers,
                            String issueDate) {

    public record Line(int seq, String description, String location, String grade, List<String> basis,
                       String deadline) {
    }

    public record Officer(String name, String certificateNo) {
    }
}
