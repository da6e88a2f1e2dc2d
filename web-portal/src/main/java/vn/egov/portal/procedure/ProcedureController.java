package vn.egov.portal.procedure;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.egov.portal.web.Formats;

@Controller
class ProcedureController {

    static final int PAGE_SIZE = 20;
    /** The API refuses a longer search (400); the form says so with maxlength, and a pasted URL is cut. */
    static final int MAX_QUERY = 200;

    private final Procedures procedures;
    private final Formats formats;

    ProcedureController(Procedures procedures, Formats formats) {
        this.procedures = procedures;
        this.formats = formats;
    }

    @GetMapping("/thu-tuc")
    String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_QUERY) {
            text = text.substring(0, MAX_QUERY);
        }
        Procedures.Page results = procedures.search(text, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("q", text);
        model.addAttribute("results", results);
        return "procedures";
    }

    @GetMapping("/thu-tuc/{code}")
    String detail(@PathVariable String code, Model model) {
        Procedures.Detail procedure = procedures.find(code);
        model.addAttribute("procedure", procedure);
        // the page title (Thymeleaf does not call beans inside fragment parameters)
        model.addAttribute("name", formats.name(procedure.name(), procedure.nameEn()));
        return "procedure";
    }
}
