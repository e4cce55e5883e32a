package cn.yjzf.inspectionrecord;

import java.util.List;

/**
 * What the 现场检查记录 template prints (casework-facts §5), every value formatted as printed. The system records the
 * inspection date but not its start and end times, so the template leaves 时 and 分 blank to be written by hand.
 */
public record InspectionRecordDocument(String agencyName, String title, String enterpriseName, String address,
                                       String legalRepresentative, String place, String inspectionDate,
                                       List<Officer> officers, List<Line> findings) {

    public record Officer(String name, String certificateNo) {
    }

    public record Line(int seq, String description, String location) {
    }
}
