package vn.egov.dossier.procedure;

/**
 * How a dossier reached its agency (column {@code dossier.channel}, same names in JSON): submitted online by the
 * applicant, taken at the counter ({@code DIRECT}), or received through the public postal service ({@code POSTAL},
 * Quyết định 45/2016/QĐ-TTg), recorded at the desk by an officer. A procedure's fee and time limit may differ by
 * channel ({@code procedure_channel}, decision 56).
 */
public enum Channel {
    ONLINE,
    DIRECT,
    POSTAL
}
