package vn.egov.portal.api;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The one place where an API problem's {@code code} becomes a sentence for the user
 * ({@code problem.<code>} in messages*.properties). A code without its own sentence gets the general one, so
 * the page never shows the API's raw text, JSON or a stack trace.
 */
@Component
public class ProblemMessages {

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String sentence(String code, Locale locale) {
        String general = messages.getMessage("problem.unknown", null, locale);
        return code == null ? general : messages.getMessage("problem." + code, null, general, locale);
    }
}
