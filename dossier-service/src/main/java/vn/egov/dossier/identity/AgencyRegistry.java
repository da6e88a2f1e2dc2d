package vn.egov.dossier.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * identity-service's agency registry ({@code GET /api/v1/identity/agencies}, public), the one registry of the platform
 * (issue 14 item 1): the catalogue import checks every agency code it names against it. Read whole, page by page,
 * through the same retry and circuit breaker as the profiles; {@link IdentityProfiles.IdentityUnavailableException}
 * when identity-service cannot answer.
 */
@Component
public class AgencyRegistry {

    /** The registry's pages are at most 100 agencies; a province's registry is a few pages. */
    static final int PAGE_SIZE = 100;

    /** A registry larger than this is not read at all (a wrong answer, not a province). */
    static final int MAX_PAGES = 200;

    /** The longest agency name the catalogue keeps (procedure_offering.agency_name). */
    static final int MAX_NAME = 300;

    /**
     * {@code serviceCentre}: a public administrative service centre, which receives dossiers for every competent agency
     * of its province (decision 57); null from an older registry, read as false.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agency(String code, String name, Boolean serviceCentre) {

        public Agency(String code, String name) {
            this(code, name, false);
        }

        public boolean receivesForOthers() {
            return Boolean.TRUE.equals(serviceCentre);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgencyPage(List<Agency> items, Integer totalPages) {}

    private final IdentityServiceClient client;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    AgencyRegistry(IdentityServiceClient client, CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
        this.client = client;
        this.circuitBreaker = circuitBreakers.circuitBreaker("identity-service");
        this.retry = retries.retry("identity-service");
    }

    /**
     * Whether two agencies are of one province: the last segment of their electronic identifiers (mã định danh điện
     * tử: {@code 000.00.01.H26} → {@code H26}, Hà Nội) is the same.
     */
    public static boolean sameProvince(String agencyCode, String otherCode) {
        return agencyCode
                .substring(agencyCode.lastIndexOf('.') + 1)
                .equals(otherCode.substring(otherCode.lastIndexOf('.') + 1));
    }

    /** Every active agency of the registry by its code. */
    public Map<String, Agency> all() {
        return read(page -> client.agencies(page, PAGE_SIZE));
    }

    /**
     * The registry's public administrative service centres by their code (decision 57): what a walk-in at a centre
     * needs, a page or two (the registry's {@code serviceCentre=true} filter), not the whole registry at each intake.
     */
    public Map<String, Agency> serviceCentres() {
        Map<String, Agency> centres = read(page -> client.agencies(page, PAGE_SIZE, true));
        centres.values().removeIf(a -> !a.receivesForOthers());
        return centres;
    }

    private Map<String, Agency> read(java.util.function.IntFunction<AgencyPage> pageOf) {
        Map<String, Agency> agencies = new LinkedHashMap<>();
        int pages = 1;
        for (int page = 0; page < pages && page < MAX_PAGES; page++) {
            AgencyPage answer = page(pageOf, page);
            for (Agency agency : answer.items() == null ? List.<Agency>of() : answer.items()) {
                if (usable(agency)) {
                    agencies.put(agency.code(), agency);
                }
            }
            pages = answer.totalPages() == null ? 0 : answer.totalPages();
        }
        return agencies;
    }

    /**
     * An agency whose code or name would not fit where the catalogue keeps them ({@code procedure_offering}: a code of
     * at most 32 characters, a name of 1 to 300) is left out: to the import it is an unknown agency, never a failed
     * write.
     */
    static boolean usable(Agency agency) {
        return agency != null
                && agency.code() != null
                && agency.code().matches("[0-9A-Z.]{1,32}")
                && agency.name() != null
                && !agency.name().isBlank()
                && agency.name().length() <= MAX_NAME;
    }

    private AgencyPage page(java.util.function.IntFunction<AgencyPage> pageOf, int page) {
        try {
            return Retry.decorateSupplier(
                            retry, CircuitBreaker.decorateSupplier(circuitBreaker, () -> pageOf.apply(page)))
                    .get();
        } catch (RuntimeException e) {
            throw new IdentityProfiles.IdentityUnavailableException(
                    "identity-service did not give the agency registry: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }
}
