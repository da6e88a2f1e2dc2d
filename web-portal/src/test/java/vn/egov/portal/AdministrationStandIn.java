package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * identity-service's officer API and agency registry as they answer the demo agency's administrator, and dossier-service's calendar API
 * (2027's declared days, the latest change) as it answers the system administrator, on {@link PublicApiStandIn}'s
 * server.
 */
final class AdministrationStandIn {

    static final String ADMIN_TOKEN = "access-token-of-agency-admin";
    static final String SYSADMIN_TOKEN = "access-token-of-system-admin";
    static final String OFFICER_ID = "2f0c3a1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

    private AdministrationStandIn() {}

    static OidcUser user(String username, String role) {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token-of-" + username)
                .issuer(SignInTest.ISSUER)
                .subject("sub-of-" + username)
                .claim("preferred_username", username)
                .claim("given_name", "Quản trị")
                .claim("family_name", "Phạm Văn")
                .claim("agency", DeskStandIn.AGENCY)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .build();
        return new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_" + role)), idToken, "sub");
    }

    static OidcUser agencyAdmin() {
        return user("quantri.coquan", "AGENCY_ADMIN");
    }

    static OidcUser systemAdmin() {
        return user("quantri.hethong", "SYSTEM_ADMIN");
    }

    static void stub(PublicApiStandIn api) {
        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/identity/officers"))
                .withHeader("Authorization", equalTo("Bearer " + ADMIN_TOKEN))
                .willReturn(okJson("""
                        {"items":[
                          {"id":"%s","username":"canbo.motcua","fullName":"Trần Thị Cán Bộ","email":"canbo@example.vn","agencyCode":"000.00.01.H26","enabled":true},
                          {"id":"9a9a9a9a-0000-4000-8000-000000000002","username":"quantri.coquan","fullName":"Phạm Văn Quản","email":"quantri@example.vn","agencyCode":"000.00.01.H26","enabled":true},
                          {"id":"9a9a9a9a-0000-4000-8000-000000000003","username":"cu.canbo","fullName":"Đỗ Thị Cũ","email":"cu@example.vn","agencyCode":"000.00.01.H26","enabled":false}
                        ],"page":0,"size":50,"totalItems":3,"totalPages":1}""".formatted(OFFICER_ID))));
        // the agency registry (decision 60): the demo agency, a refused working hours change, a series already taken
        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/identity/agencies/" + DeskStandIn.AGENCY))
                .withHeader("Authorization", equalTo("Bearer " + ADMIN_TOKEN))
                .willReturn(okJson("""
                        {"code":"%s","name":"Ủy ban nhân dân phường Ba Đình","nameEn":"Ba Dinh Ward People's Committee",
                         "level":"COMMUNE","parentCode":"000.00.00.H26","serviceCentre":false,
                         "workingHours":"07:30-11:30,13:30-17:00",
                         "workingHoursSource":"Quyết định 12/QĐ-UBND ngày 02/01/2026 về giờ làm việc",
                         "receiptSeries":"BLBD-26E","version":3,"updatedAt":"2026-12-01T03:00:00Z"}""".formatted(DeskStandIn.AGENCY))));
        api.server.stubFor(
                WireMock.put(urlPathEqualTo("/api/v1/identity/agencies/" + DeskStandIn.AGENCY + "/working-hours"))
                        .willReturn(WireMock.aResponse()
                                .withStatus(422)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody("""
                                {"code":"working-hours-invalid","status":422,"errors":[{"field":"periods",
                                 "code":"working-hours-order","message":"Mỗi khoảng phải kết thúc sau khi bắt đầu, các khoảng theo thứ tự và không chồng lên nhau."}]}""")));
        api.server.stubFor(
                WireMock.put(urlPathEqualTo("/api/v1/identity/agencies/" + DeskStandIn.AGENCY + "/receipt-series"))
                        .willReturn(WireMock.aResponse()
                                .withStatus(409)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody("""
                                {"code":"receipt-series-taken","status":409,"errors":[{"field":"series",
                                 "code":"receipt-series-taken","message":"Một cơ quan khác đang dùng ký hiệu này."}]}""")));
        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/calendar/days"))
                .withQueryParam("year", equalTo("2027"))
                .atPriority(1)
                .willReturn(okJson("""
                        [{"day":"2027-02-05","kind":"HOLIDAY","name":"Nghỉ Tết Nguyên đán","source":"Công văn 1/VPCP"},
                         {"day":"2027-02-20","kind":"WORKDAY","name":"Làm bù Tết","source":"Công văn 1/VPCP"}]""")));
        // 2028 is within the horizon and not yet declared (issue 14 item 3: warn loudly)
        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/calendar/coverage"))
                .atPriority(5)
                .willReturn(okJson("""
                        {"status":"OUT_OF_SERVICE","coveredYears":[2025,2026,2027],"missingYears":[2028],
                         "horizon":"P60D","warning":"Lịch làm việc chưa có dữ liệu năm [2028]"}""")));
        api.server.stubFor(WireMock.get(urlPathEqualTo("/api/v1/calendar/changes"))
                .withHeader("Authorization", equalTo("Bearer " + SYSADMIN_TOKEN))
                .willReturn(okJson("""
                        [{"id":7,"day":"2027-02-05","oldKind":null,"oldName":null,"newKind":"HOLIDAY","newName":"Nghỉ Tết Nguyên đán",
                          "source":"Công văn 1/VPCP","actorSubject":"s-1","changedAt":"2026-12-01T03:00:00Z"}]""")));
    }
}
