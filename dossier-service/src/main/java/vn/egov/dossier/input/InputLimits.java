package vn.egov.dossier.input;

/**
 * The most this service accepts in each free-text or list field of its API (characters as Java counts
 * them, i.e. UTF-16 units; items for lists). Chosen for what a one-stop desk writes — a reason of a page,
 * not a megabyte — and so that the largest event the API can produce stays far below Kafka's producer
 * limit ({@code BoundedEventsIT} proves it). Enforced by Bean Validation on the request records and by
 * {@link JsonParts} for JSON sent as a multipart part; documented in OpenAPI through the same annotations.
 */
public final class InputLimits {

    /** A reason (refusal, supplement request, transfer, extension, withdrawal): it travels in the event. */
    public static final int REASON = 2000;
    /** An officer's or citizen's note on a step (history only). */
    public static final int NOTE = 2000;
    /** A rating's comment. */
    public static final int COMMENT = 1000;
    /** Codes: procedure, requirement, agency, status, kind; a stored document id. */
    public static final int CODE = 64;
    /** A business's tax code (10 digits, or 10-3 for a branch). */
    public static final int TAX_CODE = 14;
    /** A document's file name. */
    public static final int FILE_NAME = 255;
    /** Documents of one submission or supplement; missing documents of a supplement request. */
    public static final int LIST_ITEMS = 50;
    /** A catalogue search. */
    public static final int SEARCH = 200;
    /** A holiday's name in the calendar. */
    public static final int DAY_NAME = 200;
    /** The Idempotency-Key header (kept in egov-commons' store, whose own limit is the same 200). */
    public static final int IDEMPOTENCY_KEY = 200;
    /** Form data of a dossier: fields, a field's name, a value's characters, and the whole, serialised, in bytes. */
    public static final int FORM_FIELDS = 100;

    public static final int FORM_FIELD_NAME = 100;
    public static final int FORM_VALUE = 4000;
    public static final int FORM_BYTES = 64 * 1024;

    private InputLimits() {}
}
