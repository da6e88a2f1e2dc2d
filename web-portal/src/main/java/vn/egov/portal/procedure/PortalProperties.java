package vn.egov.portal.procedure;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param popularProcedures the "most used" procedures on the home page, in this order. A list kept by the
 *     operator, because the public API has no usage ranking yet; when it grows one, the page should use it.
 */
@ConfigurationProperties("egov.portal")
record PortalProperties(
        @DefaultValue({"1.001193", "1.001612", "3.000333", "1.000894"})
        List<String> popularProcedures) {}
