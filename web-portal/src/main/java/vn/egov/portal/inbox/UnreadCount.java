package vn.egov.portal.inbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.egov.portal.signin.SignedInUser;

/**
 * The header's unread count ({@code unreadCount}) on every page a signed-in user sees, rendered on the server so
 * that it is there with JavaScript off. A count the inbox does not give (notification-service down, tokens
 * refused) is simply not shown: the page itself must not fail for it.
 */
@Configuration(proxyBeanMethods = false)
class UnreadCount implements WebMvcConfigurer {

    static final String ATTRIBUTE = "unreadCount";

    private static final Logger log = LoggerFactory.getLogger(UnreadCount.class);

    private final InboxApi inbox;

    UnreadCount(InboxApi inbox) {
        this.inbox = inbox;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public void postHandle(
                            HttpServletRequest request,
                            HttpServletResponse response,
                            Object handler,
                            ModelAndView page) {
                        if (page == null
                                || page.getViewName() == null
                                || page.getViewName().startsWith("redirect:")
                                || SignedInUser.current() == null) {
                            return;
                        }
                        try {
                            page.addObject(ATTRIBUTE, inbox.unread());
                        } catch (RuntimeException noCount) {
                            log.debug("No unread count for the header: {}", noCount.toString());
                        }
                    }
                })
                .excludePathPatterns("/assets/**", "/thong-bao/chua-doc", LiveInboxRelay.PATH);
    }
}
