package vn.egov.portal.dossier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Hồ sơ của tôi": the signed-in citizen's dossiers, newest first, a page at a time. */
@Controller
class MyDossiersController {

    static final int PAGE_SIZE = 10;

    private final MyDossiers dossiers;

    MyDossiersController(MyDossiers dossiers) {
        this.dossiers = dossiers;
    }

    @GetMapping("/ho-so")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        MyDossiers.Page results = dossiers.list(Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("results", results);
        model.addAttribute("procedures", dossiers.procedureNames(results.items()));
        return "my-dossiers";
    }
}
