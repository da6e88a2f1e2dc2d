package vn.egov.portal.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether citizens may register with a password here ({@code egov.portal.password-registration}): identity-service
 * opens it only for local runs and tests (decision 38), where citizens otherwise get their account at their first
 * VNeID sign-in. Read by the header ({@code @registrationSwitch.open}) and the registration page, so production shows
 * no link to a form that would only be refused.
 */
@Component("registrationSwitch")
public class RegistrationSwitch {

    private final boolean open;

    RegistrationSwitch(@Value("${egov.portal.password-registration:false}") boolean open) {
        this.open = open;
    }

    public boolean isOpen() {
        return open;
    }
}
