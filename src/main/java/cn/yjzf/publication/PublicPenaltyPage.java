package cn.yjzf.publication;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public 行政处罚决定公示 page: no login, no session (its own stateless filter chain permits only this path),
 * reads nothing but the published snapshots, 20 a page.
 */
@Controller
class PublicPenaltyPage {

    static final int MAX_PAGE = 10_000;

    private final PublicationService publications;

    PublicPenaltyPage(PublicationService publications) {
        this.publications = publications;
    }

    @GetMapping("/public/penalties")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        int p = Math.min(Math.max(page, 1), MAX_PAGE);
        model.addAttribute("entries", publications.publicPage(p));
        model.addAttribute("page", p);
        return "public-penalties";
    }
}
