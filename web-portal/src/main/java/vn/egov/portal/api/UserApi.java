package vn.egov.portal.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The {@link org.springframework.web.client.RestClient} that calls the public API with the signed-in user's
 * access token ({@code @UserApi RestClient api} in a controller of a signed-in page). Without it a
 * {@code RestClient} is the anonymous one.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Qualifier
public @interface UserApi {

    /** The client registration (Keycloak's {@code web-portal} client) whose tokens the calls carry. */
    String REGISTRATION = "portal";
}
