package vn.egov.identity.idempotency;

import org.springframework.stereotype.Component;
import vn.egov.commons.idempotency.IdempotencyProtection;
import vn.egov.identity.personaldata.PersonalDataProtector;

/**
 * How egov-commons' {@code IdempotentRequests} keeps identity-service's requests and responses: they can hold
 * personal data (a registration's username is the CCCD), so the request's fingerprint is a keyed HMAC (blind
 * index) and the response is encrypted like the identity number itself, both bound to the purpose
 * {@code idempotency:<scope>} (rows written before the store moved to egov-commons open the same way).
 */
@Component
class PersonalDataIdempotency implements IdempotencyProtection {

    private final PersonalDataProtector protector;

    PersonalDataIdempotency(PersonalDataProtector protector) {
        this.protector = protector;
    }

    @Override
    public String fingerprint(String requestJson, String scope) {
        return protector.blindIndex(requestJson, purpose(scope));
    }

    @Override
    public Sealed seal(String responseJson, String scope) {
        PersonalDataProtector.Sealed sealed = protector.seal(responseJson, purpose(scope));
        return new Sealed(sealed.keyId(), sealed.bytes());
    }

    @Override
    public String open(Sealed sealed, String scope) {
        return protector.open(new PersonalDataProtector.Sealed(sealed.keyId(), sealed.bytes()), purpose(scope));
    }

    private static String purpose(String scope) {
        return "idempotency:" + scope;
    }
}
