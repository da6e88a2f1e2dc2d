package vn.egov.portal.help;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Help and contact: static text in both languages, no API call (it must work when the API does not). */
@Controller
class HelpController {

    @GetMapping("/tro-giup")
    String help() {
        return "help";
    }
}
