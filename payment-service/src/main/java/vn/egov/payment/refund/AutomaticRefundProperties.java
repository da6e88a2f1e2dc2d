package vn.egov.payment.refund;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.payment.refunds.automatic.*}: the policy for refunds made from dossier events (a dossier
 * rejected before the agency processed it, or withdrawn by the citizen).
 *
 * @param enabled false turns automatic refunds off (officers still refund by hand)
 * @param excludedProcedures procedure codes whose fees are never refunded automatically
 */
@ConfigurationProperties("egov.payment.refunds.automatic")
public record AutomaticRefundProperties(
        @DefaultValue("true") boolean enabled, @DefaultValue Set<String> excludedProcedures) {

    public AutomaticRefundProperties {
        excludedProcedures = excludedProcedures == null ? Set.of() : Set.copyOf(excludedProcedures);
    }

    boolean allows(String procedureCode) {
        return enabled && (procedureCode == null || !excludedProcedures.contains(procedureCode));
    }
}
