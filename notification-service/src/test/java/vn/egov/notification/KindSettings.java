package vn.egov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.Criteria;
import com.jayway.jsonpath.Filter;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import vn.egov.testsupport.ServiceConformance;

/** A kind's setting in a preferences answer ({@code {"language", "kinds": [{kind, mandatory, email, sms}]}}), by path. */
final class KindSettings {

    private KindSettings() {}

    /** The one entry of {@code kinds} for {@code kind}. */
    static Map<String, Object> in(HttpResponse<String> preferences, String kind) {
        List<Map<String, Object>> found = ServiceConformance.json(preferences)
                .read("$.kinds[?]", Filter.filter(Criteria.where("kind").is(kind)));
        assertThat(found)
                .as("the setting of %s in %s", kind, preferences.body())
                .hasSize(1);
        return found.get(0);
    }

    /** What the answer says of a kind, to compare with {@link #in}. */
    static Map<String, Object> setting(String kind, boolean mandatory, boolean email, boolean sms) {
        return Map.of("kind", kind, "mandatory", mandatory, "email", email, "sms", sms);
    }
}
