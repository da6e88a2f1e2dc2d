package vn.egov.notification.contact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A person's contacts as identity-service knows them (any may be null). Personal data: never logged
 * ({@link #toString()} says nothing).
 *
 * @param language {@code vi} or {@code en}, or null when the person never chose
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersonContacts(String email, String phone, String language) {

    @Override
    public String toString() {
        return "PersonContacts[…]";
    }
}
