package cn.yjzf.casefile;

import java.time.LocalDate;
import java.util.List;

/**
 * A bound 案卷: the PDF, how many unnumbered front pages (首页 and 卷内目录) precede page 1, how many numbered pages follow,
 * how many unnumbered back pages (the 备考表) close it, and the index rows as printed.
 */
public record BoundCaseFile(byte[] pdf, int frontPages, int numberedPages, int backPages, List<IndexRow> index) {

    public int totalPages() {
        return frontPages + numberedPages + backPages;
    }

    /** One 卷内目录 row. {@code firstPage}/{@code lastPage} count the numbered pages (page 1 follows the 卷内目录). */
    public record IndexRow(int seq, String documentNo, String title, LocalDate date, int firstPage, int lastPage,
                           String remark) {

        public String pages() {
            return firstPage == lastPage ? Integer.toString(firstPage) : firstPage + "-" + lastPage;
        }

        public String dateText() {
            return cn.yjzf.documents.ChineseDates.format(date);
        }
    }
}
