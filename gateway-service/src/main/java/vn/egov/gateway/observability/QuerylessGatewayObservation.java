package vn.egov.gateway.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayObservationConvention;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's client span (its call to a service) names the address it called in {@code http.uri}, without the
 * query string: queries carry a dossier's lookup secret ({@code /api/v1/public/dossiers/{code}?secret=…}) and an
 * officer's search by citizen identity number ({@code /api/v1/dossiers?applicant=…}), and spans go to a collector
 * that is not the place for either (issue 18). Spring Cloud Gateway's own convention puts the whole URI there.
 */
@Configuration(proxyBeanMethods = false)
public class QuerylessGatewayObservation {

    @Bean
    GatewayObservationConvention querylessGatewayObservationConvention() {
        return new Convention();
    }

    static final class Convention extends DefaultGatewayObservationConvention {

        @Override
        public KeyValues getHighCardinalityKeyValues(GatewayContext context) {
            return KeyValues.of(super.getHighCardinalityKeyValues(context).stream()
                    .map(kv -> KeyValue.of(kv.getKey(), withoutQuery(kv.getValue())))
                    .toList());
        }
    }

    static String withoutQuery(String address) {
        int cut = address.length();
        for (char c : new char[] {'?', '#'}) {
            int at = address.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return address.substring(0, cut);
    }
}
