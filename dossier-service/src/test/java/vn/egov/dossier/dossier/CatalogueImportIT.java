package vn.egov.dossier.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.egov.dossier.dossier.DossierLifecycleIT.Part;
import vn.egov.testsupport.RealInfrastructureInitializer;

/**
 * The catalogue import (issue 14 item 6, decision 53), in a database of its own: the catalogue shipped with the
 * release is loaded at start as the first version (decision 55); a file with three errors is refused with all three, by
 * row and column, and nothing changes; a good import is one new version, whose procedures, documents and offerings the
 * catalogue serves at once; agency codes are checked against identity-service's registry.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "egov.test.database=dossier_catalogue",
            "egov.dossier.overdue-check.interval=1h",
            "egov.dossier.catalogue.seed-location=classpath:catalogue/",
            "egov.dossier.catalogue.seed-retry=1s"
        })
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class CatalogueImportIT {

    static final IdentityServiceStub IDENTITY = new IdentityServiceStub();

    static {
        IDENTITY.start();
        // the registry as identity-service's migrations give it (deploy-tests' AgencyRegistryTest checks the shipped
        // catalogue against those)
        IDENTITY.agencies(List.of(
                List.of("000.00.01.H26", "Ủy ban nhân dân phường Ba Đình"),
                List.of("000.00.02.H26", "Ủy ban nhân dân phường Hoàn Kiếm"),
                List.of("000.00.11.H26", "Sở Tư pháp thành phố Hà Nội"),
                List.of("000.00.12.H26", "Văn phòng đăng ký đất đai Hà Nội"),
                List.of("000.00.15.H26", "Sở Tài chính thành phố Hà Nội"),
                List.of("000.00.21.H26", "Công an phường Ba Đình"),
                List.of("000.00.31.H26", "Công an thành phố Hà Nội"),
                List.of("000.00.90.H26", "Trung tâm Phục vụ hành chính công thành phố Hà Nội", "service-centre"),
                // another province's centre (the registry's real one has another code; this one is the test's)
                List.of("000.00.90.H29", "Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh", "service-centre")));
    }

    @DynamicPropertySource
    static void identityService(DynamicPropertyRegistry registry) {
        registry.add("egov.dossier.identity.base-url", IDENTITY::baseUrl);
        registry.add("egov.dossier.identity.retry-wait", () -> "20ms");
    }

    @AfterAll
    static void stopStub() {
        IDENTITY.stop();
    }

    static final String PROCEDURES_HEADER = "code,name_vi,name_en,sector_code,level,time_limit_amount,time_limit_unit,"
            + "time_limit_source,fee_vnd,fee_source,mode,required_loa\r\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    DossierApi api() {
        return new DossierApi(port);
    }

    String admin() {
        return api().issuer.staff("quantri.hethong", "SYSTEM_ADMIN", null);
    }

    HttpResponse<String> load(String token, Map<String, String> files) {
        List<Part> parts = new ArrayList<>();
        files.forEach((name, csv) ->
                parts.add(new Part(name, name + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
        return api().multipart("/api/v1/catalogue/imports", token, parts);
    }

    /** The seed runs right after the start: every case begins once it is in. */
    @org.junit.jupiter.api.BeforeEach
    void seeded() {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() ->
                        jdbc.sql("select count(*) from catalogue_version where imported_by = 'system:catalogue-seed'")
                                        .query(Long.class)
                                        .single()
                                == 1);
    }

    @Test
    void theShippedCatalogueIsTheFirstVersionWithRealProceduresOfBothLevelsAndManySectors() {
        var first = JsonPath.parse(
                api().service().get("/api/v1/catalogue/imports", admin()).body());
        assertThat(first.read("$.items[-1:].version", List.class)).containsExactly(1);
        assertThat(first.read("$.items[-1:].importedBy", List.class)).containsExactly("system:catalogue-seed");
        Map<String, Object> shipped = jdbc.sql("""
                        select count(*) as procedures, count(distinct sector_code) as sectors,
                               count(distinct level) filter (where level in ('PROVINCE', 'COMMUNE')) as levels,
                               count(*) filter (where time_limit_source is null or (fee_vnd > 0 and fee_source is null))
                                   as without_source,
                               count(*) filter (where not exists (select 1 from procedure_document d
                                                                  where d.procedure_code = p.code)) as without_documents
                        from procedure p where catalogue_version = 1""").query().singleRow();
        assertThat(((Number) shipped.get("procedures")).intValue()).isGreaterThanOrEqualTo(30);
        assertThat(((Number) shipped.get("sectors")).intValue()).isGreaterThanOrEqualTo(6);
        assertThat(((Number) shipped.get("levels")).intValue()).isEqualTo(2);
        assertThat(((Number) shipped.get("without_source")).intValue()).isZero();
        assertThat(((Number) shipped.get("without_documents")).intValue()).isZero();
        // with the procedures the migrations ship, the catalogue a citizen searches holds at least 40
        assertThat(JsonPath.parse(api().service()
                                .get("/api/v1/procedures?size=1", null)
                                .body())
                        .read("$.totalItems", Integer.class))
                .isGreaterThanOrEqualTo(40);
        // a commune procedure every ward offers: two agencies to choose from
        assertThat(JsonPath.parse(api().service()
                                .get("/api/v1/procedures/1.004884", null)
                                .body())
                        .read("$.agencies[*].agencyCode", List.class))
                .containsExactly("000.00.01.H26", "000.00.02.H26");
    }

    /** What an import may change, read straight from the tables. */
    String snapshot() {
        return jdbc.sql("""
                        select (select string_agg(code || ':' || name_vi || ':' || fee_vnd || ':' || agency_code, '|' order by code)
                                  from procedure)
                            || (select coalesce(string_agg(procedure_code || '/' || code, '|' order by procedure_code, code), '')
                                  from procedure_document)
                            || (select string_agg(procedure_code || '@' || agency_code, '|' order by procedure_code, agency_code)
                                  from procedure_offering)
                            || (select count(*) from catalogue_version)""").query(String.class).single();
    }

    @Test
    void aFileWithThreeErrorsIsRefusedWithAllThreeAndNothingChanges() {
        String before = snapshot();
        HttpResponse<String> refused = load(
                admin(),
                Map.of(
                        "procedures",
                        PROCEDURES_HEADER
                                // row 2: a sector nobody knows
                                + "1.000419,Đăng ký khai tử lưu động,,KHONG_CO,COMMUNE,5,WORKING_DAYS,"
                                + "\"Nghị định 123/2015/NĐ-CP, Điều 15\",0,,FULL_ONLINE,1\r\n"
                                // row 3: fine
                                + "2.000635,Cấp bản sao trích lục hộ tịch,,HO_TICH,COMMUNE,1,SAME_DAY,"
                                + "Luật Hộ tịch 2014,8000,Thông tư 281/2016/TT-BTC,FULL_ONLINE,1\r\n"
                                // row 4: a unit that does not exist
                                + "1.004884,Đăng ký lại khai sinh,,HO_TICH,COMMUNE,5,NGAY,"
                                + "\"Nghị định 123/2015/NĐ-CP, Điều 26\",0,,PARTIAL_ONLINE,2\r\n",
                        "offerings",
                        "procedure_code,agency_code\r\n"
                                + "1.000419,000.00.01.H26\r\n"
                                + "2.000635,000.00.01.H26\r\n"
                                // row 4: an agency the registry does not have
                                + "1.004884,000.00.99.H26\r\n"));
        assertProblem(refused, 422, "catalogue-invalid");
        var body = JsonPath.parse(refused.body());
        assertThat(body.read("$.errors[*].field", List.class))
                .as(refused.body())
                .containsExactly(
                        "procedures[2].sector_code", "procedures[4].time_limit_unit", "offerings[4].agency_code");
        assertThat(body.read("$.errorCount", Integer.class)).isEqualTo(3);
        assertThat(body.read("$.errors[0].message", String.class))
                .isEqualTo("Dòng 2, cột sector_code: lĩnh vực \"KHONG_CO\" không có trong danh mục lĩnh vực.");
        assertThat(body.read("$.errors[2].message", String.class)).contains("000.00.99.H26");
        assertThat(snapshot()).isEqualTo(before);
        assertProblem(api().service().get("/api/v1/procedures/2.000635", null), 404, "procedure-not-found");

        // the same in English on request
        HttpResponse<String> english = api().multipart(
                        "/api/v1/catalogue/imports",
                        admin(),
                        List.of(new Part(
                                "procedures",
                                "procedures.csv",
                                "text/csv",
                                (PROCEDURES_HEADER
                                                + "1.000419,X,,HO_TICH,COMMUNE,2,SAME_DAY,Luật,0,,FULL_ONLINE,1\r\n"
                                                + "2.002516,Y,,HO_TICH,PROVINCE,5,WORKING_DAYS,Luật,0,,FULL_ONLINE,1\r\n")
                                        .getBytes(StandardCharsets.UTF_8))),
                        "Accept-Language",
                        "en");
        assertThat(JsonPath.parse(english.body()).read("$.errors[*].message", List.class))
                .containsExactly(
                        "Row 2, column time_limit_amount: a same-day procedure (SAME_DAY) has the amount 1.",
                        "Row 3, column code: the new procedure \"2.002516\" has no agency that offers it (offerings file).");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aGoodImportIsOneNewVersionTheCatalogueServesAtOnce() {
        String admin = admin();
        HttpResponse<String> loaded = load(
                admin,
                Map.of(
                        "procedures",
                        PROCEDURES_HEADER
                                + "2.000635,Cấp bản sao trích lục hộ tịch,Copy of a civil status extract,HO_TICH,COMMUNE,1,"
                                + "SAME_DAY,Luật Hộ tịch 2014,8000,Thông tư 281/2016/TT-BTC,FULL_ONLINE,1\r\n"
                                // an existing procedure, renamed
                                + "3.000333,Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam,Judicial record certificate,"
                                + "LY_LICH_TU_PHAP,PROVINCE,10,WORKING_DAYS,\"Luật Lý lịch tư pháp 2009, Điều 48\",200000,"
                                + "Thông tư 244/2016/TT-BTC,FULL_ONLINE,2\r\n",
                        "documents",
                        "procedure_code,code,name_vi,mandatory,allowed_types,originals,copies,only_if_not_in_state_data\r\n"
                                + "2.000635,TO_KHAI,Tờ khai cấp bản sao trích lục hộ tịch,true,application/pdf,1,0,false\r\n"
                                + "2.000635,UY_QUYEN,\"Văn bản ủy quyền, nếu nộp thay\",false,"
                                + "application/pdf|image/jpeg,1,0,true\r\n",
                        "offerings",
                        "procedure_code,agency_code,receives_online,fee_vnd,source\r\n"
                                + "2.000635,000.00.01.H26,true,,\r\n"
                                + "2.000635,000.00.02.H26,true,5000,Nghị quyết của HĐND thành phố (mức thu riêng)\r\n"));
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
        var result = JsonPath.parse(loaded.body());
        assertThat(result.read("$.procedures", Integer.class)).isEqualTo(2);
        assertThat(result.read("$.created", Integer.class)).isEqualTo(1);
        assertThat(result.read("$.updated", Integer.class)).isEqualTo(1);
        assertThat(result.read("$.documents", Integer.class)).isEqualTo(2);
        assertThat(result.read("$.offerings", Integer.class)).isEqualTo(2);
        int version = result.read("$.version", Integer.class);

        String copy = api().service().get("/api/v1/procedures/2.000635", null).body();
        var procedure = JsonPath.parse(copy);
        assertThat(procedure.read("$.timeLimitUnit", String.class)).isEqualTo("SAME_DAY");
        assertThat(procedure.read("$.feeSource", String.class)).isEqualTo("Thông tư 281/2016/TT-BTC");
        assertThat(procedure.read("$.documents[1].name", String.class)).isEqualTo("Văn bản ủy quyền, nếu nộp thay");
        assertThat(procedure.read("$.documents[1].allowedTypes", List.class))
                .containsExactly("application/pdf", "image/jpeg");
        assertThat(procedure.read("$.documents[1].onlyIfNotInStateData", Boolean.class))
                .isTrue();
        // the agencies' names are the registry's; Hoàn Kiếm charges its own fee
        assertThat(procedure.read("$.agencies[*].agencyName", List.class))
                .containsExactly("Ủy ban nhân dân phường Ba Đình", "Ủy ban nhân dân phường Hoàn Kiếm");
        assertThat(procedure.read("$.agencies[*].feeVnd", List.class)).containsExactly(8000, 5000);
        assertThat(api().service().get("/api/v1/procedures?q=trich%20luc", null).body())
                .contains("\"2.000635\"");
        assertThat(JsonPath.parse(api().service()
                                .get("/api/v1/procedures/3.000333", null)
                                .body())
                        .read("$.name", String.class))
                .isEqualTo("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam");

        // a citizen submits to the ward chosen, at its fee
        HttpResponse<String> submitted = api().submit(
                        api().citizen("001190009101", 1),
                        SubmissionBuilder.aSubmission("2.000635")
                                .at("000.00.02.H26")
                                .withDocument("TO_KHAI", "to-khai.pdf", "application/pdf", DossierLifecycleIT.PDF));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        assertThat(DossierApi.field(submitted.body(), "code")).startsWith("000.00.02.H26-");
        assertThat(jdbc.sql(
                                "select amount_vnd from dossier_fee f join dossier d on d.id = f.dossier_id where d.code = ?")
                        .param(DossierApi.field(submitted.body(), "code"))
                        .query(Long.class)
                        .single())
                .isEqualTo(5000L);

        // the version is kept with who loaded it and the files as received
        String versions =
                api().service().get("/api/v1/catalogue/imports", admin).body();
        assertThat(JsonPath.parse(versions).read("$.items[0].version", Integer.class))
                .isEqualTo(version);
        assertThat(JsonPath.parse(versions).read("$.items[0].importedBy", String.class))
                .isNotBlank();
        assertThat(jdbc.sql("select files ->> 'documents' from catalogue_version where version = ?")
                        .param(version)
                        .query(String.class)
                        .single())
                .contains("Văn bản ủy quyền, nếu nộp thay");

        // only a system administrator imports or reads the versions
        String officer = api().officer();
        assertProblem(load(officer, Map.of("procedures", PROCEDURES_HEADER)), 403, "catalogue-forbidden");
        assertProblem(api().service().get("/api/v1/catalogue/imports", officer), 403, "catalogue-forbidden");
    }

    static final String CHANNELS_HEADER =
            "procedure_code,agency_code,channel,fee_vnd,time_limit_amount,time_limit_unit,"
                    + "fee_source,time_limit_source\r\n";

    /**
     * Decision 56: the fee and time limit per channel. Tách hộ (1.010038) costs 5 000 VND online and 10 000 at the
     * counter (Thông tư 75/2022/TT-BTC); by post, in this test's data, 7 working days instead of 5. A dossier is charged
     * and timed by its channel's terms: online by the procedure's, at the counter and by post by theirs.
     */
    @Test
    void aChannelsFeeAndTimeLimitAreWhatADossierOfThatChannelIsChargedAndTimedBy() {
        String admin = admin();
        // shipped with the release (catalogue/channels.csv): the counter's fee
        var shipped = JsonPath.parse(
                api().service().get("/api/v1/procedures/1.010038", null).body());
        assertThat(shipped.read("$.channels[*].channel", List.class)).containsExactly("DIRECT");
        assertThat(shipped.read("$.channels[0].feeVnd", Integer.class)).isEqualTo(10000);
        String channelsBefore = channelTerms();
        HttpResponse<String> refused = load(
                admin,
                Map.of(
                        "channels",
                        CHANNELS_HEADER
                                // row 2: a channel that does not exist
                                + "1.010038,,FAX,10000,,,Thông tư 75/2022/TT-BTC,\r\n"
                                // row 3: an agency that does not offer it
                                + "1.010038,000.00.01.H26,DIRECT,10000,,,Thông tư 75/2022/TT-BTC,\r\n"
                                // row 4: a fee without its legal source
                                + "1.010038,,DIRECT,10000,,,,\r\n"
                                // row 5: nothing to change
                                + "1.010038,,POSTAL,,,,,\r\n"));
        assertProblem(refused, 422, "catalogue-invalid");
        assertThat(JsonPath.parse(refused.body()).read("$.errors[*].field", List.class))
                .as(refused.body())
                .containsExactly(
                        "channels[2].channel",
                        "channels[3].agency_code",
                        "channels[4].fee_source",
                        "channels[5].fee_vnd");
        assertThat(channelTerms()).isEqualTo(channelsBefore).contains("1.004194/DIRECT/15000/-1");

        HttpResponse<String> loaded = load(
                admin,
                Map.of(
                        "channels",
                        CHANNELS_HEADER
                                + "1.010038,,DIRECT,10000,,,\"Thông tư 75/2022/TT-BTC, Điều 4\",\r\n"
                                + "1.010038,,POSTAL,10000,7,WORKING_DAYS,\"Thông tư 75/2022/TT-BTC, Điều 4\","
                                + "Dữ liệu thử: thời hạn khi nhận qua bưu chính\r\n"));
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
        assertThat(JsonPath.parse(loaded.body()).read("$.channels", Integer.class))
                .isEqualTo(2);
        var procedure = JsonPath.parse(
                api().service().get("/api/v1/procedures/1.010038", null).body());
        assertThat(procedure.read("$.feeVnd", Integer.class)).isEqualTo(5000);
        assertThat(procedure.read("$.channels[*].channel", List.class)).containsExactly("DIRECT", "POSTAL");
        assertThat(procedure.read("$.channels[1].timeLimitAmount", Integer.class))
                .isEqualTo(7);

        // online: the procedure's fee
        HttpResponse<String> online = api().submit(
                        api().citizen("001190009102", 2),
                        SubmissionBuilder.aSubmission("1.010038")
                                .withDocument("TO_KHAI_CT01", "ct01.pdf", "application/pdf", DossierApi.PDF));
        assertThat(online.statusCode()).as(online.body()).isEqualTo(201);
        assertThat(fee(DossierApi.field(online.body(), "code"))).isEqualTo(5000L);

        // at the counter and by post, at the police ward that offers it: the channel's fee, and by post 7 days
        String officer = api().issuer.staff("congan.badinh", "OFFICER", "000.00.21.H26");
        var counter = JsonPath.parse(walkIn(officer, null));
        var post = JsonPath.parse(walkIn(officer, "POSTAL"));
        assertThat(counter.read("$.channel", String.class)).isEqualTo("DIRECT");
        assertThat(post.read("$.channel", String.class)).isEqualTo("POSTAL");
        assertThat(counter.read("$.feeVnd", Long.class)).isEqualTo(10000L);
        assertThat(post.read("$.feeVnd", Long.class)).isEqualTo(10000L);
        String postCode = post.read("$.code", String.class);
        assertThat(java.time.LocalDate.parse(post.read("$.dueDate", String.class)))
                .isAfter(java.time.LocalDate.parse(counter.read("$.dueDate", String.class)));
        var explained = JsonPath.parse(api().service()
                .get("/api/v1/dossiers/" + postCode + "/deadline", officer)
                .body());
        assertThat(explained.read("$.timeLimit.amount", Integer.class)).isEqualTo(7);
        assertThat(explained.read("$.timeLimit.source", String.class))
                .isEqualTo("Dữ liệu thử: thời hạn khi nhận qua bưu chính");
        assertThat(jdbc.sql("select channel from dossier where code = ?")
                        .param(postCode)
                        .query(String.class)
                        .single())
                .isEqualTo("POSTAL");

        // a channel the desk does not take
        HttpResponse<String> fax = api().multipart(
                        "/api/v1/desk/dossiers",
                        officer,
                        List.of(
                                Part.json("dossier", separation("FAX")),
                                Part.file("ct01.pdf", "application/pdf", DossierApi.PDF)));
        assertProblem(fax, 422, "dossier-invalid");
        assertThat(JsonPath.parse(fax.body()).read("$.errors[*].field", List.class))
                .containsExactly("channel");
    }

    static final String CASES_HEADER = "procedure_code,code,name_vi,name_en,fee_vnd,time_limit_amount,time_limit_unit,"
            + "fee_source,time_limit_source\r\n";

    /**
     * Decision 58: the shipped "Đăng ký thường trú" has three cases, each asking its own papers; a submission names its
     * case (422 on caseCode without one or with one the procedure lacks) and must bring that case's documents only. An
     * import brings cases with their own fee and a channel's fee for one case; a file with errors changes nothing.
     */
    @Test
    void eachCaseAsksItsOwnDocumentsAndTheMostSpecificFeeHolds() {
        var shipped = JsonPath.parse(
                api().service().get("/api/v1/procedures/1.004222", null).body());
        assertThat(shipped.read("$.cases[*].code", List.class))
                .containsExactly("CHO_O_SO_HUU", "VE_O_VOI_NGUOI_THAN", "THUE_MUON_O_NHO");
        assertThat(shipped.read("$.documents[?(@.code == 'HOP_DONG_THUE_MUON')].cases[*]", List.class))
                .containsExactly("THUE_MUON_O_NHO");
        String owner = api().citizen("001190009131", 2);
        for (String[] refused : new String[][] {{null, "case-required"}, {"KHONG_CO", "unknown-case"}}) {
            HttpResponse<String> answer = api().submit(
                            owner,
                            SubmissionBuilder.aSubmission("1.004222")
                                    .inCase(refused[0])
                                    .with("newAddress", "Số 5 phố Kim Mã")
                                    .withDocument("TO_KHAI_CT01", "ct01.pdf", "application/pdf", DossierApi.PDF));
            assertProblem(answer, 422, "dossier-invalid");
            assertThat(JsonPath.parse(answer.body()).read("$.errors[*].field", List.class))
                    .containsExactly("caseCode");
            assertThat(JsonPath.parse(answer.body()).read("$.errors[*].code", List.class))
                    .containsExactly(refused[1]);
        }
        // a tenant brings the lease and the floor area, not the owner's proof of the home
        HttpResponse<String> tenantWithoutLease = api().submit(
                        owner,
                        SubmissionBuilder.aSubmission("1.004222")
                                .inCase("THUE_MUON_O_NHO")
                                .with("newAddress", "Số 5 phố Kim Mã")
                                .withDocument("TO_KHAI_CT01", "ct01.pdf", "application/pdf", DossierApi.PDF)
                                .withDocument("CHO_O_HOP_PHAP", "cho-o.pdf", "application/pdf", DossierApi.PDF));
        assertProblem(tenantWithoutLease, 422, "dossier-invalid");
        assertThat(tenantWithoutLease.body()).contains("HOP_DONG_THUE_MUON", "DIEN_TICH_NHA_O", "CHO_O_HOP_PHAP");
        HttpResponse<String> homeOwner = api().submit(
                        owner,
                        SubmissionBuilder.aSubmission("1.004222")
                                .inCase("CHO_O_SO_HUU")
                                .with("newAddress", "Số 5 phố Kim Mã")
                                .withDocument("TO_KHAI_CT01", "ct01.pdf", "application/pdf", DossierApi.PDF)
                                .withDocument("CHO_O_HOP_PHAP", "cho-o.pdf", "application/pdf", DossierApi.PDF));
        assertThat(homeOwner.statusCode()).as(homeOwner.body()).isEqualTo(201);
        String ownerCode = DossierApi.field(homeOwner.body(), "code");
        var seen = JsonPath.parse(
                api().service().get("/api/v1/dossiers/" + ownerCode, owner).body());
        assertThat(seen.read("$.caseCode", String.class)).isEqualTo("CHO_O_SO_HUU");
        assertThat(seen.read("$.caseName", String.class)).startsWith("Đăng ký vào chỗ ở hợp pháp thuộc quyền sở hữu");
        // online: Thông tư 75/2022/TT-BTC's 10 000 đồng
        assertThat(fee(ownerCode)).isEqualTo(10000L);

        String admin = admin();
        String casesBefore = cases();
        HttpResponse<String> refused = load(
                admin,
                Map.of(
                        "cases",
                        CASES_HEADER
                                // row 2: a code that is not a code
                                + "1.004194,ca nhan,Cá nhân,,,,,,\r\n"
                                // row 3: a fee without its legal source
                                + "1.004194,THEO_DANH_SACH,Theo danh sách,,5000,,,,\r\n"
                                // row 4: a procedure that does not exist
                                + "9.999999,MOT,Một,,,,,,\r\n"
                                // row 5: fine
                                + "1.004194,CA_NHAN,\"Cá nhân, hộ gia đình\",,,,,,\r\n",
                        "channels",
                        CHANNELS_HEADER.replace("\r\n", ",case_code\r\n")
                                // row 2: a case the procedure will not have
                                + "1.004194,,DIRECT,10000,,,Thông tư 75/2022/TT-BTC,,HO_GIA_DINH\r\n"));
        assertProblem(refused, 422, "catalogue-invalid");
        assertThat(JsonPath.parse(refused.body()).read("$.errors[*].field", List.class))
                .as(refused.body())
                .containsExactly(
                        "cases[2].code", "cases[3].fee_source", "cases[4].procedure_code", "channels[2].case_code");
        assertThat(cases()).isEqualTo(casesBefore);

        // registration by list: its own fee online; at the counter the channel's fee for that case, not the household's
        HttpResponse<String> loaded = load(
                admin,
                Map.of(
                        "cases",
                        CASES_HEADER
                                + "1.004194,CA_NHAN,\"Cá nhân, hộ gia đình\",,,,,,\r\n"
                                + "1.004194,THEO_DANH_SACH,Đăng ký tạm trú theo danh sách,,5000,,,"
                                + "\"Thông tư 75/2022/TT-BTC: 5.000 đồng/người khi nộp trực tuyến\",\r\n",
                        "channels",
                        CHANNELS_HEADER.replace("\r\n", ",case_code\r\n")
                                + "1.004194,,DIRECT,15000,,,Thông tư 75/2022/TT-BTC,,\r\n"
                                + "1.004194,,DIRECT,10000,,,\"Thông tư 75/2022/TT-BTC: 10.000 đồng/người\",,THEO_DANH_SACH\r\n"));
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
        assertThat(JsonPath.parse(loaded.body()).read("$.cases", Integer.class)).isEqualTo(2);
        String list = api().citizen("001190009132", 2);
        HttpResponse<String> byList = api().submit(
                        list,
                        SubmissionBuilder.aSubmission("1.004194")
                                .inCase("THEO_DANH_SACH")
                                .withDocument("TO_KHAI_CT01", "ct01.pdf", "application/pdf", DossierApi.PDF)
                                .withDocument("CHO_O_HOP_PHAP", "cho-o.pdf", "application/pdf", DossierApi.PDF));
        assertThat(byList.statusCode()).as(byList.body()).isEqualTo(201);
        assertThat(fee(DossierApi.field(byList.body(), "code"))).isEqualTo(5000L);
        String officer = api().issuer.staff("congan.badinh", "OFFICER", "000.00.21.H26");
        for (String[] atCounter : new String[][] {{"THEO_DANH_SACH", "10000"}, {"CA_NHAN", "15000"}}) {
            HttpResponse<String> taken = api().multipart(
                            "/api/v1/desk/dossiers",
                            officer,
                            List.of(
                                    Part.json("dossier", """
                                    {"applicant":{"nationalId":"%s","fullName":"Trần Thị Bình","dateOfBirth":"1985-03-08","sex":"FEMALE"},
                                     "procedureCode":"1.004194","caseCode":"%s","formData":{},
                                     "documents":[{"requirementCode":"TO_KHAI_CT01","fileName":"ct01.pdf","copyKind":"ORIGINAL"},
                                                  {"requirementCode":"CHO_O_HOP_PHAP","fileName":"cho-o.pdf","copyKind":"COPY"}]}""".formatted(WalkInIT.newNationalId(), atCounter[0])),
                                    Part.file("ct01.pdf", "application/pdf", DossierApi.PDF),
                                    Part.file("cho-o.pdf", "application/pdf", DossierApi.PDF)));
            assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
            assertThat(JsonPath.parse(taken.body()).read("$.feeVnd", Long.class))
                    .as(atCounter[0])
                    .isEqualTo(Long.parseLong(atCounter[1]));
        }

        // dropping a case that the shipped documents still ask for is refused
        HttpResponse<String> dropped =
                load(admin, Map.of("cases", CASES_HEADER + "1.004222,CHO_O_SO_HUU,Chỗ ở thuộc sở hữu,,,,,,\r\n"));
        assertProblem(dropped, 422, "catalogue-invalid");
        assertThat(JsonPath.parse(dropped.body()).read("$.errors[*].field", List.class))
                .containsExactly("cases[2].code");
        assertThat(dropped.body()).contains("HOP_DONG_THUE_MUON");
    }

    private String cases() {
        return jdbc.sql("select coalesce(string_agg(procedure_code || '/' || code || '/' || coalesce(fee_vnd, -1), ','"
                        + " order by procedure_code, code), '') from procedure_case")
                .query(String.class)
                .single();
    }

    /**
     * Decision 59: a channel's terms hold in their period, and a dossier takes those in force the day it is submitted.
     * Shipped: half the identity card fees until 31/12/2026 (Thông tư 64/2025/TT-BTC). An import with overlapping or
     * reversed periods is refused; a rule that ended yesterday gives way to the one from today.
     */
    @Test
    void aChannelsTermsHoldInTheirPeriodAndTheDayOfSubmissionDecides() {
        var shipped = JsonPath.parse(
                api().service().get("/api/v1/procedures/2.001195", null).body());
        assertThat(shipped.read("$.channels[?(@.channel == 'ONLINE')].validTo", List.class))
                .containsExactly("2026-12-31");
        assertThat(shipped.read("$.channels[?(@.channel == 'ONLINE')].feeVnd", List.class))
                .containsExactly(25000);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        String header = CHANNELS_HEADER.replace("\r\n", ",case_code,valid_from,valid_to\r\n");
        String admin = admin();
        HttpResponse<String> refused = load(
                admin,
                Map.of(
                        "channels",
                        header
                                + "2.001195,,ONLINE,1000,,,Dữ liệu thử,,," + today.minusDays(30) + "," + today + "\r\n"
                                // row 3: overlaps row 2 on today
                                + "2.001195,,ONLINE,2000,,,Dữ liệu thử,,," + today + ",\r\n"
                                // row 4: ends before it starts
                                + "2.001195,,DIRECT,3000,,,Dữ liệu thử,,," + today + "," + today.minusDays(1)
                                + "\r\n"));
        assertProblem(refused, 422, "catalogue-invalid");
        assertThat(JsonPath.parse(refused.body()).read("$.errors[*].field", List.class))
                .as(refused.body())
                .containsExactly("channels[3].valid_from", "channels[4].valid_to");

        HttpResponse<String> loaded = load(
                admin,
                Map.of(
                        "channels",
                        header
                                + "2.001195,,ONLINE,1000,,,Dữ liệu thử: đến hôm qua,,," + today.minusDays(30) + ","
                                + today.minusDays(1) + "\r\n"
                                + "2.001195,,ONLINE,2000,,,Dữ liệu thử: từ hôm nay,,," + today + ",\r\n"));
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
        HttpResponse<String> submitted = api().submit(
                        api().citizen("001190009141", 2),
                        SubmissionBuilder.aSubmission("2.001195")
                                .withDocument("TO_KHAI_CC01", "cc01.pdf", "application/pdf", DossierApi.PDF));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        assertThat(fee(DossierApi.field(submitted.body(), "code"))).isEqualTo(2000L);
    }

    /** Mẫu 07 of {@code agency} for {@code day}, as text (PDFBox), asked with {@code token}. */
    private String registerText(String token, String agency, java.time.LocalDate day) throws Exception {
        HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                                        + "/api/v1/agencies/" + agency + "/register?from=" + day + "&to=" + day))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).as(agency).isEqualTo(200);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            return new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replaceAll("\\s+", " ");
        }
    }

    private String channelTerms() {
        return jdbc.sql(
                        "select string_agg(procedure_code || '/' || channel || '/' || coalesce(fee_vnd, -1) || '/'"
                                + " || coalesce(time_limit_amount, -1), ',' order by procedure_code, channel) from procedure_channel")
                .query(String.class)
                .single();
    }

    private long fee(String code) {
        return jdbc.sql("select amount_vnd from dossier_fee f join dossier d on d.id = f.dossier_id where d.code = ?")
                .param(code)
                .query(Long.class)
                .single();
    }

    /** A walk-in request to separate a household (tách hộ), by the given channel (null: left out). */
    private static String separation(String channel) {
        return separation(channel, null);
    }

    /** The same, for the agency {@code agencyCode} (null: left out, the officer's own). */
    private static String separation(String channel, String agencyCode) {
        return """
                {"applicant":{"nationalId":"%s","fullName":"Trần Thị Bình","dateOfBirth":"1985-03-08","sex":"FEMALE"},
                 "procedureCode":"1.010038","formData":{},
                 "documents":[{"requirementCode":"TO_KHAI_CT01","fileName":"ct01.pdf","copyKind":"ORIGINAL"}]%s%s}""".formatted(
                        WalkInIT.newNationalId(),
                        channel == null ? "" : ",\"channel\":\"" + channel + "\"",
                        agencyCode == null ? "" : ",\"agencyCode\":\"" + agencyCode + "\"");
    }

    private HttpResponse<String> takeWalkIn(String officer, String dossierJson) {
        return api().multipart(
                        "/api/v1/desk/dossiers",
                        officer,
                        List.of(
                                Part.json("dossier", dossierJson),
                                Part.file("ct01.pdf", "application/pdf", DossierApi.PDF)));
    }

    private String walkIn(String officer, String channel) {
        HttpResponse<String> taken = takeWalkIn(officer, separation(channel));
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        return taken.body();
    }

    /**
     * Decision 61: the province publishes which procedures its service centre receives online for an agency. An
     * offering naming the centre (received_by, checked against the registry) makes an online dossier the centre's to
     * receive: numbered by the centre, recorded with both; the centre's officers receive (or refuse, or hand over) it
     * while it waits, the handling agency's cannot; from its receipt the agency handles it and the centre only follows.
     */
    @Test
    void aServiceCentreReceivesTheOnlineDossiersOfTheOfferingsThatNameIt() {
        String admin = admin();
        String offerings = "procedure_code,agency_code,receives_online,source,received_by,fee_vnd\r\n";
        HttpResponse<String> refused = load(
                admin,
                Map.of(
                        "offerings",
                        offerings
                                // row 2: a ward is no service centre
                                + "1.010038,000.00.21.H26,true,,000.00.01.H26,\r\n"
                                // row 3: a centre of another province
                                + "1.010038,000.00.02.H26,true,,000.00.90.H29,\r\n"
                                // row 4: a centre receiving for itself (row 5, below, the one loaded: free of charge
                                // online here, so that it waits to be received without a payment first)
                                + "1.010038,000.00.90.H26,true,,000.00.90.H26,\r\n"));
        assertProblem(refused, 422, "catalogue-invalid");
        assertThat(JsonPath.parse(refused.body()).read("$.errors[*].code", List.class))
                .as(refused.body())
                .containsExactly("not-a-service-centre", "agency-of-another-province", "received-by-itself");
        assertThat(JsonPath.parse(refused.body()).read("$.errors[*].field", List.class))
                .containsOnly("offerings[2].received_by", "offerings[3].received_by", "offerings[4].received_by");

        HttpResponse<String> loaded = load(
                admin,
                Map.of(
                        "offerings",
                        offerings
                                + "1.010038,000.00.21.H26,true,\"Quyết định công bố danh mục TTHC tiếp nhận tại Trung"
                                + " tâm\",000.00.90.H26,0\r\n"));
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
        try {
            var procedure = JsonPath.parse(
                    api().service().get("/api/v1/procedures/1.010038", null).body());
            assertThat(procedure.read("$.agencies[0].receivedBy", String.class)).isEqualTo("000.00.90.H26");
            assertThat(procedure.read("$.agencies[0].receivedByName", String.class))
                    .isEqualTo("Trung tâm Phục vụ hành chính công thành phố Hà Nội");

            HttpResponse<String> online = api().submit(
                            api().citizen("001190009131", 2),
                            SubmissionBuilder.aSubmission("1.010038")
                                    .withDocument("TO_KHAI_CT01", "ct01.pdf", "application/pdf", DossierApi.PDF));
            assertThat(online.statusCode()).as(online.body()).isEqualTo(201);
            String code = DossierApi.field(online.body(), "code");
            assertThat(code).startsWith("000.00.90.H26-");
            assertThat(jdbc.sql("select status || ' ' || agency_code || ' ' || receiving_agency_code from dossier"
                                    + " where code = ?")
                            .param(code)
                            .query(String.class)
                            .single())
                    .isEqualTo("SUBMITTED 000.00.21.H26 000.00.90.H26");

            String centre = api().issuer.staff("motcua.trungtam", "OFFICER", "000.00.90.H26");
            String wardPolice = api().issuer.staff("congan.badinh", "OFFICER", "000.00.21.H26");
            assertThat(api().service()
                            .get("/api/v1/dossiers?received=true&status=SUBMITTED&size=100", centre)
                            .body())
                    .contains(code);
            // while it waits, the centre receives it, not the agency
            assertProblem(api().act(code, "receive", wardPolice, "{}"), 404, "dossier-not-found");
            HttpResponse<String> received = api().act(code, "receive", centre, "{\"note\":\"Đủ thành phần\"}");
            assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
            assertThat(JsonPath.parse(received.body()).read("$.status", String.class))
                    .isEqualTo("RECEIVED");
            // then the agency handles it; the centre follows
            assertProblem(api().act(code, "forward", centre, "{}"), 404, "dossier-not-found");
            HttpResponse<String> forwarded = api().act(code, "forward", wardPolice, "{}");
            assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(200);
            assertThat(api().service().get("/api/v1/dossiers/" + code, centre).statusCode())
                    .isEqualTo(200);
            assertThat(JsonPath.parse(api().service()
                                    .get("/api/v1/dossiers/" + code + "/history", wardPolice)
                                    .body())
                            .read("$[?(@.action == 'receive')].actorRole", List.class))
                    .containsExactly("OFFICER");
        } finally {
            // the shipped offering again (other cases submit 1.010038 online to the ward police, at the procedure's
            // fee)
            HttpResponse<String> restored = load(
                    admin,
                    Map.of(
                            "offerings",
                            offerings + "1.010038,000.00.21.H26,true,\"Cổng DVCQG, thủ tục 1.010038\",,\r\n"));
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(201);
        }
    }

    /**
     * Decision 57 (Nghị định 118/2025/NĐ-CP): Hà Nội's public administrative service centre receives a household
     * separation for the ward police, which handle it. Both are recorded; the centre's code numbers it; the ward's
     * officers have it in their queue, the centre's in what it received; an agency that is not a centre, an agency of
     * another province and one that does not offer the procedure are refused on agencyCode.
     */
    @Test
    void aServiceCentreReceivesForAnAgencyOfItsProvinceAndBothAreRecorded() throws Exception {
        String centre = api().issuer.staff("motcua.trungtam", "OFFICER", "000.00.90.H26");
        String wardPolice = api().issuer.staff("congan.badinh", "OFFICER", "000.00.21.H26");
        HttpResponse<String> taken = takeWalkIn(centre, separation(null, "000.00.21.H26"));
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        String code = JsonPath.parse(taken.body()).read("$.code", String.class);
        assertThat(code).startsWith("000.00.90.H26-");
        assertThat(jdbc.sql("select agency_code || ' ' || receiving_agency_code || ' ' || receiving_agency_name"
                                + " from dossier where code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("000.00.21.H26 000.00.90.H26 Trung tâm Phục vụ hành chính công thành phố Hà Nội");
        // the ward's procedure as the ward offers it at the counter
        assertThat(JsonPath.parse(taken.body()).read("$.feeVnd", Long.class)).isEqualTo(10000L);
        // the centre is looked up among the registry's service centres, not by reading the whole registry
        assertThat(IDENTITY.agencyQueries()).anyMatch(q -> q.contains("serviceCentre=true"));

        var seenByCentre = JsonPath.parse(
                api().service().get("/api/v1/dossiers/" + code, centre).body());
        assertThat(seenByCentre.read("$.agencyCode", String.class)).isEqualTo("000.00.21.H26");
        assertThat(seenByCentre.read("$.receivingAgencyCode", String.class)).isEqualTo("000.00.90.H26");
        assertThat(api().service().get("/api/v1/dossiers/" + code, wardPolice).statusCode())
                .isEqualTo(200);
        assertThat(api().service()
                        .get("/api/v1/dossiers?received=true&size=100", centre)
                        .body())
                .contains(code);
        assertThat(api().service().get("/api/v1/dossiers?size=100", centre).body())
                .doesNotContain(code);
        assertThat(api().service().get("/api/v1/dossiers?size=100", wardPolice).body())
                .contains(code);
        // the receipt (Mẫu 01) is the centre's, naming the ward police that handle it
        HttpResponse<byte[]> receipt = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://127.0.0.1:" + port + "/api/v1/dossiers/" + code + "/forms/01"))
                                .header("Authorization", "Bearer " + centre)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(receipt.statusCode()).isEqualTo(200);
        String receiptText;
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(receipt.body())) {
            receiptText =
                    new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(receiptText)
                .contains("Cơ quan tiếp nhận: Trung tâm Phục vụ hành chính công thành phố Hà Nội")
                .contains("Cơ quan giải quyết: Công an phường Ba Đình");
        // the register (Mẫu 07) of the unit that received it: the centre's, in the centre's name; not the ward's
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        String centreRegister = registerText(centre, "000.00.90.H26", today);
        assertThat(centreRegister)
                .contains(code)
                .contains("Cơ quan: Trung tâm Phục vụ hành chính công thành phố Hà Nội (mã 000.00.90.H26)");
        assertThat(registerText(wardPolice, "000.00.21.H26", today)).doesNotContain(code);
        // an incomplete one gets the counter guidance (Mẫu 02), for the same agency and numbered by the centre
        HttpResponse<String> guided =
                api().service().post("/api/v1/desk/guidance", centre, """
                        {"applicant":{"nationalId":"%s","fullName":"Trần Thị Bình","dateOfBirth":"1985-03-08"},
                         "procedureCode":"1.010038","missingDocuments":["TO_KHAI_CT01"],
                         "reason":"Chưa có tờ khai CT01","agencyCode":"000.00.21.H26"}""".formatted(WalkInIT.newNationalId()));
        assertThat(guided.statusCode()).as(guided.body()).isEqualTo(201);
        assertThat(JsonPath.parse(guided.body()).read("$.code", String.class)).startsWith("000.00.90.H26-");
        assertThat(JsonPath.parse(guided.body()).read("$.status", String.class)).isEqualTo("GUIDED");
        // the centre follows it but does not handle it
        assertProblem(
                api().service().post("/api/v1/dossiers/" + code + "/actions/forward", centre, "{}"),
                404,
                "dossier-not-found");

        String baDinhWard = api().officer();
        for (String[] refused : new String[][] {
            {baDinhWard, "000.00.21.H26", "not-a-service-centre"},
            {centre, "000.00.01.H29", "agency-of-another-province"},
            {centre, "000.00.11.H26", "agency-does-not-offer"}
        }) {
            HttpResponse<String> answer = takeWalkIn(refused[0], separation(null, refused[1]));
            assertProblem(answer, 422, "dossier-invalid");
            assertThat(JsonPath.parse(answer.body()).read("$.errors[*].field", List.class))
                    .containsExactly("agencyCode");
            assertThat(JsonPath.parse(answer.body()).read("$.errors[*].code", List.class))
                    .containsExactly(refused[2]);
        }
    }
}
