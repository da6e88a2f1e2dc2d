package vn.egov.commons.tracing;

import io.micrometer.common.KeyValue;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Spring's client observation with the request's address in {@code http.url} but not its query string: a query may
 * name a person (identity-service finds a Keycloak user by e-mail address, {@code ?email=…}), and spans go to a
 * collector that is not the place for personal data. The low-cardinality {@code uri} tag is the template
 * ({@code /admin/realms/{realm}/users?email={e}&exact=true}) and stays as it is.
 */
public class QuerylessClientRequestObservationConvention extends DefaultClientRequestObservationConvention {

    @Override
    protected KeyValue requestUri(ClientRequestObservationContext context) {
        KeyValue full = super.requestUri(context);
        return KeyValue.of(full.getKey(), withoutQuery(full.getValue()));
    }

    static String withoutQuery(String address) {
        int cut = address.length();
        int query = address.indexOf('?');
        if (query >= 0) {
            cut = query;
        }
        int fragment = address.indexOf('#');
        if (fragment >= 0 && fragment < cut) {
            cut = fragment;
        }
        return address.substring(0, cut);
    }
}
