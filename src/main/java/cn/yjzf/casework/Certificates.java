package cn.yjzf.casework;

import java.time.LocalDate;

/** 执法证 and 法制审核 qualification; the organisation module will provide the real register. */
public interface Certificates {

    /** Holds a 执法证 valid on the day: may sign enforcement acts and documents (others may only draft). */
    boolean certifiedOn(Long userId, LocalDate on);

    /** May do 法制审核 (行政处罚法第五十八条: first-time reviewers need the 法律职业资格). */
    boolean qualifiedLegalReviewer(Long userId, LocalDate on);
}
