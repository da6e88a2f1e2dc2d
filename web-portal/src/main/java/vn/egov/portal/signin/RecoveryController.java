package vn.egov.portal.signin;

import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Lấy lại số định danh" (decision 63): what to do when the national sign-in stops at "an account already exists"
 * for a CCCD its owner never registered, and the outcome identity-service's recovery sends the browser back with
 * ({@code ?ket-qua=…}). The recovery itself is identity-service's (a link to its start, through the gateway): the
 * portal never sees the national identity's answer, so a made-up outcome in the address shows a sentence, nothing more.
 */
@Controller
class RecoveryController {

    static final String PATH = "/dang-nhap/lay-lai";
    /** identity-service's start of a recovery, on the same origin through the gateway. */
    static final String START = "/api/v1/identity/national-id-recovery/start";

    static final Set<String> OUTCOMES =
            Set.of("da-lay-lai", "khong-can", "muc-1", "tai-khoan-can-bo", "da-huy", "that-bai", "tam-ngung");

    @GetMapping(PATH)
    String recovery(@RequestParam(name = "ket-qua", required = false) String outcome, Model model) {
        model.addAttribute("start", START);
        if (outcome != null && OUTCOMES.contains(outcome)) {
            model.addAttribute("outcome", outcome);
        }
        return "recovery";
    }
}
