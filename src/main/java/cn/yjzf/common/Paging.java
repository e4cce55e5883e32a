package cn.yjzf.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/** Page requests for the long lists (企业、检查记录、规则版本): 1-based page numbers in URLs, size from {@code app.page-size}. */
@Component
public class Paging {

    private final int size;

    Paging(@Value("${app.page-size:20}") int size) {
        this.size = Math.max(1, Math.min(size, 500));
    }

    /** Page {@code page} (1-based; anything below 1 is the first page). */
    public Pageable page(int page) {
        return PageRequest.of(Math.max(page, 1) - 1, size);
    }
}
