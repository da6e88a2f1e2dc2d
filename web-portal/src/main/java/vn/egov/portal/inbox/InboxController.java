package vn.egov.portal.inbox;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.egov.portal.api.ApiProblemException;

/** "Thông báo": the inbox, newest first, twenty to a page; an item is marked read by a form (no script). */
@Controller
class InboxController {

    private final InboxApi inbox;

    InboxController(InboxApi inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/thong-bao")
    String inbox(@RequestParam(name = "trang", defaultValue = "1") int page, Model model) {
        model.addAttribute("inbox", inbox.page(Math.max(page, 1) - 1));
        return "inbox";
    }

    @PostMapping("/thong-bao/{id}/da-doc")
    String markRead(@PathVariable UUID id, @RequestParam(name = "trang", defaultValue = "1") int page) {
        try {
            inbox.markRead(id);
        } catch (ApiProblemException problem) {
            if (!problem.isNotFound()) {
                throw problem;
            }
            // not the user's (or gone): nothing to mark; the list shows what there is
        }
        return "redirect:/thong-bao?trang=" + Math.max(page, 1);
    }

    /**
     * The unread count for the header's script ({@code /assets/js/unread.js}), which asks every half minute while
     * a page is open. Not cached anywhere: it is the user's own.
     */
    @GetMapping("/thong-bao/chua-doc")
    @ResponseBody
    ResponseEntity<Map<String, Long>> unread() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("unread", inbox.unread()));
    }
}
