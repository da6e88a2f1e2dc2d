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
 * and opens it, or the applicant's CCCD (12 digits) or full name and lists that person's dossiers in the queue (the
 * API matches them through blind indexes, decision 44; the page says what was searched, the CCCD masked). The
 * term travels in the page's query (a GET form, like the filters): the gateway's access log never writes the query.
 */
@Controller
class QueueController {

    static final int PAGE_SIZE = 20;
    /** The API's limit on a search term (a dossier code or a full name is far shorter). */
    static final int SEARCH_LIMIT = 100;
    /** A dossier's code ends with its date and number: {@code 000.00.01.H26-261205-0001}. */
    private static final java.util.regex.Pattern DOSSIER_CODE = java.util.regex.Pattern.compile(".*\\d{6}-\\d{4}");

    private final DeskApi api;
    private final DeadlineColours colours;
    private final org.springframework.context.MessageSource messages;

    QueueController(DeskApi api, DeadlineColours colours, org.springframework.context.MessageSource messages) {
        this.api = api;
        this.colours = colours;
        this.messages = messages;
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    @GetMapping({"/motcua", "/motcua/ho-so"})
    String queue(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String procedure,
            @RequestParam(required = false) boolean overdue,
            @RequestParam(required = false) boolean receiptOverdue,
            @RequestParam(required = false) boolean received,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String applicant = null;
        if (q != null && !q.isBlank()) {
            String term = q.strip();
            if (term.length() > SEARCH_LIMIT) {
                model.addAttribute("searchError", say("desk.search.too-long", SEARCH_LIMIT));
            } else if (DOSSIER_CODE.matcher(term).matches()) {
                try {
                    api.find(term);
                    return "redirect:/motcua/ho-so/" + UriUtils.encodePathSegment(term, "UTF-8");
                } catch (ApiProblemException problem) {
                    if (!problem.isNotFound() && problem.status() != 400) {
                        throw problem;
                    }
                    model.addAttribute("notFound", term);
                }
            } else {
                applicant = term;
            }
        }
        // a search looks through every status unless a tab is chosen: the person at the counter may ask about a
        // dossier long finished
        QueueFilter filter = new QueueFilter(
                applicant != null && (status == null || status.isBlank()) ? QueueFilter.ALL : status,
                procedure,
                overdue,
                receiptOverdue,
                dueBefore,
                received);
        DeskApi.Queue queue;
        try {
            queue = api.queue(filter, applicant, Math.max(page, 0), PAGE_SIZE);
        } catch (ApiProblemException problem) {
            if (applicant == null || problem.status() != 400) {
                throw problem;
            }
            // nothing the API can look up (only punctuation, say): the sentence next to the box, the whole queue
            model.addAttribute(
                    "searchError",
                    problem.fieldErrors().stream()
                            .map(ApiProblemException.FieldError::message)
                            .filter(m -> m != null && !m.isBlank())
                            .findFirst()
                            .orElse(say("desk.search.invalid")));
            applicant = null;
            queue = api.queue(filter, null, Math.max(page, 0), PAGE_SIZE);
        }
        model.addAttribute("applicant", applicant);
        if (applicant != null) {
            model.addAttribute(
                    "searched",
                    applicant.matches("\\d{12}")
                            ? say("desk.search.by-national-id", "********" + applicant.substring(8))
                            : say("desk.search.by-name", applicant));
        }
        SignedInUser user = SignedInUser.current();
        List<DeskApi.Procedure> procedures = api.agencyProcedures(user == null ? null : user.agency());
        Map<String, DeskApi.Procedure> names = new LinkedHashMap<>();
        procedures.forEach(p -> names.put(p.code(), p));
        queue.items().forEach(d -> names.computeIfAbsent(d.procedureCode(), api::procedure));
        Map<String, DeadlineColours.Urgency> urgency = new LinkedHashMap<>();
        queue.items().forEach(d -> urgency.put(d.code(), colours.of(d.dueDate(), d.dueAt(), d.status())));
        model.addAttribute("filter", filter);
        // a service centre's staff also work on what the centre receives for other agencies (decisions 57 and 61)
        model.addAttribute("centre", received || api.serviceCentre(user == null ? null : user.agency()));
        model.addAttribute("tabs", QueueFilter.TABS);
        model.addAttribute("queue", queue);
        model.addAttribute("procedures", procedures);
        model.addAttribute("names", names);
        model.addAttribute("urgency", urgency);
        model.addAttribute("q", q);
        return "desk/queue";
    }
}
