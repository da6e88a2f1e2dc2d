package vn.egov.portal.desk;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.signin.SignedInUser;

/**
 * The agency's queue: a status (tabs), the procedure, overdue only, due before a date, sorted by due date (the
 * API's order for an officer), 20 a page; each due date in words and colour. The search box takes a dossier's code
 * and opens it: the API's queue has no search by the applicant's CCCD or name, and the portal adds no other way.
 */
@Controller
class QueueController {

    static final int PAGE_SIZE = 20;

    private final DeskApi api;
    private final DeadlineColours colours;

    QueueController(DeskApi api, DeadlineColours colours) {
        this.api = api;
        this.colours = colours;
    }

    @GetMapping({"/motcua", "/motcua/ho-so"})
    String queue(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String procedure,
            @RequestParam(required = false) boolean overdue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        if (q != null && !q.isBlank()) {
            String code = q.strip();
            try {
                api.find(code);
                return "redirect:/motcua/ho-so/" + UriUtils.encodePathSegment(code, "UTF-8");
            } catch (ApiProblemException problem) {
                if (!problem.isNotFound() && problem.status() != 400) {
                    throw problem;
                }
                model.addAttribute("notFound", code);
            }
        }
        QueueFilter filter = new QueueFilter(status, procedure, overdue, dueBefore);
        DeskApi.Queue queue = api.queue(filter, Math.max(page, 0), PAGE_SIZE);
        SignedInUser user = SignedInUser.current();
        List<DeskApi.Procedure> procedures = api.agencyProcedures(user == null ? null : user.agency());
        Map<String, DeskApi.Procedure> names = new LinkedHashMap<>();
        procedures.forEach(p -> names.put(p.code(), p));
        queue.items().forEach(d -> names.computeIfAbsent(d.procedureCode(), api::procedure));
        Map<String, DeadlineColours.Urgency> urgency = new LinkedHashMap<>();
        queue.items().forEach(d -> urgency.put(d.code(), colours.of(d.dueDate(), d.status())));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", QueueFilter.STATUSES);
        model.addAttribute("queue", queue);
        model.addAttribute("procedures", procedures);
        model.addAttribute("names", names);
        model.addAttribute("urgency", urgency);
        model.addAttribute("q", q);
        return "desk/queue";
    }
}
