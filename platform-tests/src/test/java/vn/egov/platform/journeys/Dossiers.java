package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.platform.journeys.Platform.GATEWAY;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the citizen's portal and the officer's desk do with dossiers, through the gateway. */
final class Dossiers {

    /** Đăng ký thành lập hộ kinh doanh: UBND phường Ba Đình, 100 000 VND, full process online, level 2. */
    static final String HOUSEHOLD_BUSINESS = "1.001612";
    /** Đăng ký khai sinh: UBND phường Ba Đình, free, level 1. */
    static final String BIRTH_REGISTRATION = "1.001193";
    /** Cấp phiếu lý lịch tư pháp: Sở Tư pháp (another agency than the demo officers'), 200 000 VND. */
    static final String JUDICIAL_RECORD = "3.000333";

    static final Duration PATIENCE = Duration.ofSeconds(45);

    private Dossiers() {}

    static Api.Response submitHouseholdBusiness(String token, String businessName) {
        Map<String, Object> dossier = Map.of(
                "procedureCode",
                HOUSEHOLD_BUSINESS,
                "formData",
                Map.of("businessName", businessName, "businessLine", "Bán lẻ tạp hoá", "capitalVnd", 50_000_000),
                "documents",
                List.of(
                        Map.of("requirementCode", "GIAY_DE_NGHI", "fileName", "giay-de-nghi.pdf"),
                        Map.of("requirementCode", "HOP_DONG_THUE", "fileName", "hop-dong-thue.pdf")));
        return Api.postMultipart(
                GATEWAY + "/api/v1/dossiers",
                token,
                List.of(
                        Api.Part.json("dossier", dossier),
                        Api.Part.pdf("files", "giay-de-nghi.pdf", "giay de nghi dang ky ho kinh doanh"),
                        Api.Part.pdf("files", "hop-dong-thue.pdf", "hop dong thue mat bang")));
    }

    static Api.Response submitBirthRegistration(String token, String childName) {
        return submitBirthRegistration(token, childName, Map.of());
    }

    static Api.Response submitBirthRegistration(String token, String childName, Map<String, String> headers) {
        Map<String, Object> dossier = Map.of(
                "procedureCode",
                BIRTH_REGISTRATION,
                "formData",
                Map.of(
                        "childName",
                        childName,
                        "childDateOfBirth",
                        "2026-11-01",
                        "childSex",
                        "FEMALE",
                        "placeOfBirth",
                        "Bệnh viện Phụ sản Hà Nội",
                        "relationship",
                        "MOTHER"),
                "documents",
                List.of(
                        Map.of("requirementCode", "TO_KHAI", "fileName", "to-khai.pdf"),
                        Map.of("requirementCode", "GIAY_CHUNG_SINH", "fileName", "giay-chung-sinh.pdf")));
        return Api.postMultipart(
                GATEWAY + "/api/v1/dossiers",
                token,
                List.of(
                        Api.Part.json("dossier", dossier),
                        Api.Part.pdf("files", "to-khai.pdf", "to khai dang ky khai sinh"),
                        Api.Part.pdf("files", "giay-chung-sinh.pdf", "giay chung sinh")),
                headers);
    }

    static Api.Response submitJudicialRecord(String token) {
        Map<String, Object> dossier = Map.of(
                "procedureCode",
                JUDICIAL_RECORD,
                "formData",
                Map.of("applicantCategory", "STANDARD", "purpose", "Bổ sung hồ sơ xin việc", "copies", 1),
                "documents",
                List.of(Map.of("requirementCode", "TO_KHAI", "fileName", "to-khai-ltp.pdf")));
        return Api.postMultipart(
                GATEWAY + "/api/v1/dossiers",
                token,
                List.of(
                        Api.Part.json("dossier", dossier),
                        Api.Part.pdf("files", "to-khai-ltp.pdf", "to khai ly lich tu phap")));
    }

    static JsonNode created(Api.Response submitted) {
        assertThat(submitted.status()).as("submission: %s", submitted).isEqualTo(201);
        return submitted.json();
    }

    static Api.Response act(String token, String code, String action, Map<String, Object> body) {
        return Api.postJson(GATEWAY + "/api/v1/dossiers/" + code + "/actions/" + action, token, body);
    }

    static JsonNode acted(String token, String code, String action, Map<String, Object> body) {
        Api.Response r = act(token, code, action, body);
        assertThat(r.status()).as("%s on %s: %s", action, code, r).isEqualTo(200);
        return r.json();
    }

    /** The citizen uploads the one document a supplement request asked for. */
    static void supplement(
            String token, String code, String requirementCode, String fileName, String text, String note) {
        Api.Response supplied = Api.postMultipart(
                GATEWAY + "/api/v1/dossiers/" + code + "/supplements",
                token,
                List.of(
                        Api.Part.json(
                                "supplement",
                                Map.of(
                                        "note",
                                        note,
                                        "documents",
                                        List.of(Map.of("requirementCode", requirementCode, "fileName", fileName)))),
                        Api.Part.pdf("files", fileName, text)));
        assertThat(supplied.status()).as("supplement: %s", supplied).isEqualTo(200);
    }

    /** The approver resolves the dossier with the decision document (a PDF holding {@code text}). */
    static void resolveWith(String approver, String code, String note, String fileName, String text) {
        Api.Response resolved = Api.postMultipart(
                GATEWAY + "/api/v1/dossiers/" + code + "/actions/resolve",
                approver,
                List.of(Api.Part.json("action", Map.of("note", note)), Api.Part.pdf("result", fileName, text)));
        assertThat(resolved.status()).as("resolve: %s", resolved).isEqualTo(200);
    }

    static JsonNode view(String token, String code) {
        Api.Response r = Api.get(GATEWAY + "/api/v1/dossiers/" + code, token);
        assertThat(r.status()).as("dossier %s: %s", code, r).isEqualTo(200);
        return r.json();
    }

    /**
     * Pays on the payment gateway's page as a person does: opens the link (the simulator's pay page),
     * presses "pay", follows the redirect back to the platform's return page. Settlement itself arrives
     * server to server (the IPN), which is what the caller then waits for.
     */
    static void payOnGatewayPage(String paymentUrl) {
        Api.Response page = Api.get(paymentUrl, null);
        assertThat(page.status()).as("pay page: %s", page).isEqualTo(200);
        String txnRef = Api.queryOf(paymentUrl).get("vnp_TxnRef");
        Api.Response paid = Api.postForm(
                Platform.PAYMENT_SIMULATOR + "/paymentv2/pay", null, Map.of("txnRef", txnRef, "action", "pay"));
        assertThat(paid.status()).as("pressing pay: %s", paid).isEqualTo(302);
        String back = paid.header("Location");
        assertThat(back)
                .as("the gateway sends the browser back to the portal's return page")
                .startsWith(GATEWAY + "/thanh-toan/ket-qua?");
        // without the portal's session cookie the return page asks to sign in first (then shows the order)
        assertThat(Api.get(back, null).status())
                .as("portal return page, signed out")
                .isEqualTo(302);
        // the API's display-only return still reads the same signed parameters
        String query = back.substring(back.indexOf('?') + 1);
        assertThat(Api.get(GATEWAY + "/api/v1/payments/vnpay/return?" + query, null)
                        .status())
                .as("the API's return")
                .isEqualTo(200);
    }

    static JsonNode paymentWithStatus(String token, String paymentId, String status) {
        return Api.eventually(
                        "payment " + paymentId + " " + status,
                        PATIENCE,
                        () -> Api.get(GATEWAY + "/api/v1/payments/" + paymentId, token),
                        r -> r.status() == 200
                                && status.equals(r.json().get("status").asString()))
                .json();
    }

    /** The person's inbox items that name the dossier. */
    static List<JsonNode> inboxAbout(String token, String code) {
        Api.Response r = Api.get(GATEWAY + "/api/v1/notifications?size=100", token);
        assertThat(r.status()).as("inbox: %s", r).isEqualTo(200);
        List<JsonNode> about = new ArrayList<>();
        for (JsonNode item : Api.list(r.json().get("items"))) {
            if ((item.path("title").asString("")
                            + item.path("body").asString("")
                            + item.path("link").asString(""))
                    .contains(code)) {
                about.add(item);
            }
        }
        return about;
    }

    /** Waits for an inbox item of that kind about the dossier. */
    static JsonNode awaitInbox(String token, String code, String kind) {
        return Api.eventually(
                        "inbox item " + kind + " about " + code,
                        PATIENCE,
                        () -> inboxAbout(token, code),
                        items -> items.stream()
                                .anyMatch(i -> kind.equals(i.path("kind").asString())))
                .stream()
                .filter(i -> kind.equals(i.path("kind").asString()))
                .findFirst()
                .orElseThrow();
    }

    /** SMS the simulator received for that phone number (last 8 digits match whatever the format). */
    static List<JsonNode> smsTo(String phone) {
        String tail = phone.substring(phone.length() - 8);
        Api.Response r = Api.get(Platform.SMS_SIMULATOR + "/api/sms", null);
        assertThat(r.status()).isEqualTo(200);
        return Api.list(r.json()).stream()
                .filter(s -> s.path("to").asString("").endsWith(tail))
                .toList();
    }

    /**
     * {@code day}, or the first working day after it: Monday to Friday except the calendar's holidays, plus its make-up
     * working days ({@code GET /api/v1/calendar/days}, public) — a new appointment must be one (extend-deadline).
     */
    static java.time.LocalDate workingDayFrom(java.time.LocalDate day) {
        java.util.Map<java.time.LocalDate, String> declared = new java.util.HashMap<>();
        for (int year = day.getYear(); year <= day.getYear() + 1; year++) {
            Api.Response r = Api.get(GATEWAY + "/api/v1/calendar/days?year=" + year, null);
            assertThat(r.status()).as("calendar: %s", r).isEqualTo(200);
            Api.list(r.json())
                    .forEach(d -> declared.put(
                            java.time.LocalDate.parse(d.path("day").asString()),
                            d.path("kind").asString()));
        }
        java.time.LocalDate d = day;
        while (true) {
            String kind = declared.get(d);
            boolean weekend =
                    d.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || d.getDayOfWeek() == java.time.DayOfWeek.SUNDAY;
            if ("WORKDAY".equals(kind) || (!weekend && !"HOLIDAY".equals(kind))) {
                return d;
            }
            d = d.plusDays(1);
        }
    }

    static JsonNode agencyStatistics(String agencyCode) {
        Api.Response r = Api.get(GATEWAY + "/api/v1/statistics/agencies", null);
        assertThat(r.status()).as("statistics: %s", r).isEqualTo(200);
        // an agency without any dossier yet has no row: all its counts are zero
        return Api.list(r.json()).stream()
                .filter(a -> agencyCode.equals(a.path("agencyCode").asString()))
                .findFirst()
                .orElseGet(Api.JSON::createObjectNode);
    }
}
