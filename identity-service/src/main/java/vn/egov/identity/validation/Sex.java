package vn.egov.identity.validation;

/** Sex as the identity number encodes it (digit 4: even for male, odd for female). */
public enum Sex {
    MALE,
    FEMALE
}
