package cn.yjzf.statistics;

import java.util.List;

/** A table as shown, exported and tested: a title, column headings and rows of formatted cells. */
record StatTable(String key, String title, List<String> headers, List<List<String>> rows) {
}
