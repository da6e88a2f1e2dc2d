package vn.egov.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.api.ProblemMessages;
import vn.egov.portal.signin.SignInAgain;

/**
 * A problem the page could not handle itself: a 404 page when the API says the thing does not exist, else the
 * error page with the problem's sentence in the user's language (never the API's body).
 */
@ControllerAdvice
class ApiProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    private final ProblemMessages messages;

    private final SignInAgain signInAgain;

    ApiProblemAdvice(ProblemMessages messages, SignInAgain signInAgain) {
        this.messages = messages;
        this.signInAgain = signInAgain;
    }

    @ExceptionHandler(ApiProblemException.class)
    ModelAndView apiProblem(ApiProblemException problem, HttpServletRequest request, HttpServletResponse response) {
        if (problem.status() == 401) {
            // only a call with the user's token can be refused so: it expired or was revoked meanwhile
            return signInAgain.redirect(request, response);
        }
        if (problem.isNotFound()) {
            response.setStatus(404);
            return new ModelAndView("error/404");
        }
        log.warn("API problem {} {}", problem.status(), problem.code());
        // the API's 4xx other than 404 means the portal asked wrongly or too often; pass 429 and 503 on as they are
        int status = problem.status() == 429 || problem.status() == 503 ? problem.status() : 502;
        response.setStatus(status);
        ModelAndView page = new ModelAndView("error/api");
        page.addObject("problemSentence", messages.sentence(problem.code(), LocaleContextHolder.getLocale()));
        return page;
    }
}
