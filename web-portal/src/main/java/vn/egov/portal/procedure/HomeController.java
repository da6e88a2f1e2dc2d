package vn.egov.portal.procedure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final Procedures procedures;
    private final PortalProperties properties;

    HomeController(Procedures procedures, PortalProperties properties) {
        this.procedures = procedures;
        this.properties = properties;
    }

    @GetMapping("/")
    String home(Model model) {
        // one call for the whole (small) catalogue rather than one per popular procedure
        Map<String, Procedures.Summary> byCode = procedures.search(null, 0, Procedures.MAX_PAGE_SIZE).items().stream()
                .collect(Collectors.toMap(Procedures.Summary::code, Function.identity()));
        List<Procedures.Summary> popular = properties.popularProcedures().stream()
                .map(byCode::get)
                .filter(Objects::nonNull)
                .toList();
        model.addAttribute("popular", popular);
        return "home";
    }
}
