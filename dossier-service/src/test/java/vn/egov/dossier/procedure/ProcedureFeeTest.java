package vn.egov.dossier.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.egov.dossier.calendar.TimeLimit;

class ProcedureFeeTest {

    static final java.time.LocalDate DAY = java.time.LocalDate.of(2026, 12, 4);

    Procedure judicialRecord = new Procedure(
            "3.000333",
            "Cấp phiếu lý lịch tư pháp",
            null,
            "000.00.11.H26",
            "Sở Tư pháp",
            "PROVINCE",
            10,
            200000,
            "applicantCategory",
            Map.of("STANDARD", 200000L, "STUDENT_OR_MERIT", 100000L),
            Procedure.Mode.FULL_ONLINE,
            2,
            List.of(),
            List.of(),
            vn.egov.dossier.calendar.TimeLimit.Unit.WORKING_DAYS,
            null,
            List.of(),
            null,
            List.of(),
            List.of());

    @Test
    void theFeeMayDependOnAChoiceInTheForm() {
        assertThat(judicialRecord.feeFor(Map.of("applicantCategory", "STUDENT_OR_MERIT")))
                .isEqualTo(100000);
        assertThat(judicialRecord.feeFor(Map.of("applicantCategory", "STANDARD")))
                .isEqualTo(200000);
        assertThat(judicialRecord.feeFor(Map.of())).isEqualTo(200000);
        assertThat(judicialRecord.feeFor(null)).isEqualTo(200000);
    }

    /**
     * Decision 56: a channel's terms replace the fee and the time limit for a dossier of that channel; an agency's own
     * terms win over the terms for every agency; what a row leaves null stays.
     */
    @Test
    void aChannelsFeeAndTimeLimitReplaceTheProceduresTheAgencysOwnFirst() {
        Procedure.Offering hanoi = new Procedure.Offering(
                "000.00.11.H26", "Sở Tư pháp", true, 200000, 10, Procedure.Mode.FULL_ONLINE, null, null, null);
        Procedure.Offering hcm = new Procedure.Offering(
                "000.00.11.H29", "Sở Tư pháp TP.HCM", true, 200000, 10, Procedure.Mode.FULL_ONLINE, null, null, null);
        Procedure withChannels = new Procedure(
                judicialRecord.code(),
                judicialRecord.name(),
                null,
                hanoi.agencyCode(),
                hanoi.agencyName(),
                "PROVINCE",
                10,
                200000,
                null,
                null,
                Procedure.Mode.FULL_ONLINE,
                2,
                List.of(),
                List.of(),
                TimeLimit.Unit.WORKING_DAYS,
                "Luật Lý lịch tư pháp 2009, Điều 48",
                List.of(hanoi, hcm),
                "Thông tư 244/2016/TT-BTC",
                List.of(
                        new Procedure.ChannelTerms(null, Channel.ONLINE, 100000L, null, null, "online: half", null),
                        new Procedure.ChannelTerms(
                                "000.00.11.H29", Channel.ONLINE, 90000L, 7, null, "HCM online", "HCM in 7 days"),
                        new Procedure.ChannelTerms(
                                null, Channel.POSTAL, null, 12, TimeLimit.Unit.WORKING_DAYS, null, "by post: 12")),
                List.of());

        Procedure online = withChannels.at(hanoi).through(Channel.ONLINE, DAY);
        assertThat(online.feeVnd()).isEqualTo(100000);
        assertThat(online.feeSource()).isEqualTo("online: half");
        assertThat(online.timeLimit())
                .isEqualTo(new TimeLimit(10, TimeLimit.Unit.WORKING_DAYS, "Luật Lý lịch tư pháp 2009, Điều 48"));

        Procedure hcmOnline = withChannels.at(hcm).through(Channel.ONLINE, DAY);
        assertThat(hcmOnline.feeVnd()).isEqualTo(90000);
        assertThat(hcmOnline.timeLimit()).isEqualTo(new TimeLimit(7, TimeLimit.Unit.WORKING_DAYS, "HCM in 7 days"));

        Procedure counter = withChannels.at(hanoi).through(Channel.DIRECT, DAY);
        assertThat(counter.feeVnd()).isEqualTo(200000);
        assertThat(counter.feeSource()).isEqualTo("Thông tư 244/2016/TT-BTC");

        Procedure post = withChannels.at(hcm).through(Channel.POSTAL, DAY);
        assertThat(post.feeVnd()).isEqualTo(200000);
        assertThat(post.timeLimit()).isEqualTo(new TimeLimit(12, TimeLimit.Unit.WORKING_DAYS, "by post: 12"));
    }

    /**
     * Decision 58: a case's fee and time limit replace the agency's offering's; a channel's terms for the case win over
     * the case's own, which win over the channel's terms for every case; only the documents asked in the case (or in
     * every case) remain; an unknown or no case changes nothing.
     */
    @Test
    void aCaseSetsItsOwnDocumentsFeeAndTimeLimitAndTheMostSpecificRuleWins() {
        Procedure.Offering ward = new Procedure.Offering(
                "000.00.01.H26", "Công an phường", true, 25000, 7, Procedure.Mode.FULL_ONLINE, null, null, null);
        Procedure.RequiredDocument form = new Procedure.RequiredDocument(
                "CT01", "Tờ khai", null, true, List.of("application/pdf"), 1, 0, false, null);
        Procedure.RequiredDocument home = new Procedure.RequiredDocument(
                "CHO_O", "Chỗ ở hợp pháp", null, true, List.of("application/pdf"), 1, 0, true, List.of("SO_HUU"));
        Procedure.RequiredDocument kin = new Procedure.RequiredDocument(
                "QUAN_HE",
                "Quan hệ nhân thân",
                null,
                true,
                List.of("application/pdf"),
                1,
                0,
                true,
                List.of("NGUOI_THAN", "DUOI_18"));
        Procedure residence = new Procedure(
                "1.004222",
                "Đăng ký thường trú",
                null,
                ward.agencyCode(),
                ward.agencyName(),
                "COMMUNE",
                7,
                20000,
                null,
                null,
                Procedure.Mode.FULL_ONLINE,
                2,
                List.of(form, home, kin),
                List.of(),
                TimeLimit.Unit.WORKING_DAYS,
                "Luật Cư trú 2020, Điều 22",
                List.of(ward),
                "Thông tư 75/2022/TT-BTC",
                List.of(
                        new Procedure.ChannelTerms(null, Channel.ONLINE, 10000L, null, null, "online: half", null),
                        new Procedure.ChannelTerms(
                                null, Channel.ONLINE, 5000L, null, null, "list online: 5 000", null, "DUOI_18"),
                        new Procedure.ChannelTerms(
                                null,
                                Channel.DIRECT,
                                8000L,
                                null,
                                null,
                                "list at the counter: 8 000",
                                null,
                                "DUOI_18")),
                List.of(
                        new Procedure.Case("SO_HUU", "Chỗ ở thuộc sở hữu", null, null, null, null, null, null),
                        new Procedure.Case(
                                "NGUOI_THAN",
                                "Về ở với người thân",
                                null,
                                0L,
                                3,
                                TimeLimit.Unit.WORKING_DAYS,
                                "case: free",
                                "case: 3 days"),
                        new Procedure.Case("DUOI_18", "Người chưa thành niên", null, null, null, null, null, null)));

        Procedure owner = residence.at(ward).inCase("SO_HUU");
        assertThat(owner.documents())
                .extracting(Procedure.RequiredDocument::code)
                .containsExactly("CT01", "CHO_O");
        assertThat(owner.feeVnd()).isEqualTo(25000);
        assertThat(owner.timeLimit())
                .isEqualTo(new TimeLimit(7, TimeLimit.Unit.WORKING_DAYS, "Luật Cư trú 2020, Điều 22"));

        Procedure relative = residence.at(ward).inCase("NGUOI_THAN").through(Channel.DIRECT, DAY);
        assertThat(relative.documents())
                .extracting(Procedure.RequiredDocument::code)
                .containsExactly("CT01", "QUAN_HE");
        assertThat(relative.feeVnd()).isZero();
        assertThat(relative.feeSource()).isEqualTo("case: free");
        assertThat(relative.timeLimit()).isEqualTo(new TimeLimit(3, TimeLimit.Unit.WORKING_DAYS, "case: 3 days"));
        // the case's own fee is more specific than the online rule for every case
        assertThat(residence
                        .at(ward)
                        .inCase("NGUOI_THAN")
                        .through(Channel.ONLINE, DAY)
                        .feeVnd())
                .isZero();
        // a case without its own fee: the channel's rule for every case
        assertThat(residence
                        .at(ward)
                        .inCase("SO_HUU")
                        .through(Channel.ONLINE, DAY)
                        .feeVnd())
                .isEqualTo(10000);
        // a channel's rule for the case wins over the rule for every case, and holds only in that case
        Procedure minorOnline = residence.at(ward).inCase("DUOI_18").through(Channel.ONLINE, DAY);
        assertThat(minorOnline.feeVnd()).isEqualTo(5000);
        assertThat(minorOnline.feeSource()).isEqualTo("list online: 5 000");
        assertThat(residence
                        .at(ward)
                        .inCase("DUOI_18")
                        .through(Channel.DIRECT, DAY)
                        .feeVnd())
                .isEqualTo(8000);
        assertThat(residence
                        .at(ward)
                        .inCase("SO_HUU")
                        .through(Channel.DIRECT, DAY)
                        .feeVnd())
                .isEqualTo(25000);
        assertThat(residence.at(ward).through(Channel.DIRECT, DAY).feeVnd()).isEqualTo(25000);

        assertThat(residence.inCase(null).documents()).hasSize(3);
        assertThat(residence.inCase("KHONG_CO").documents()).hasSize(3);
        assertThat(residence.caseOf("DUOI_18")).isPresent();
    }

    /**
     * Decision 59: a channel's terms hold from their first to their last day; a dossier takes those in force on the
     * day it is submitted (Thông tư 64/2025/TT-BTC: half the identity card fee from 1/7/2025 to 31/12/2026).
     */
    @Test
    void aChannelsTermsHoldOnlyInTheirPeriod() {
        LocalDate halfFrom = LocalDate.of(2025, 7, 1);
        LocalDate halfTo = LocalDate.of(2026, 12, 31);
        Procedure.Offering province = new Procedure.Offering(
                "000.00.31.H26", "Công an thành phố", true, 50000, 7, Procedure.Mode.PARTIAL_ONLINE, null, null, null);
        Procedure exchange = new Procedure(
                "2.001195",
                "Cấp đổi thẻ căn cước",
                null,
                province.agencyCode(),
                province.agencyName(),
                "PROVINCE",
                7,
                50000,
                null,
                null,
                Procedure.Mode.PARTIAL_ONLINE,
                2,
                List.of(),
                List.of(),
                TimeLimit.Unit.WORKING_DAYS,
                "Luật Căn cước 2023",
                List.of(province),
                "Thông tư 73/2024/TT-BTC: 50.000 đồng/thẻ",
                List.of(
                        new Procedure.ChannelTerms(
                                null,
                                Channel.ONLINE,
                                25000L,
                                null,
                                null,
                                "TT 64/2025: 50%",
                                null,
                                null,
                                halfFrom,
                                halfTo),
                        new Procedure.ChannelTerms(
                                null,
                                Channel.DIRECT,
                                25000L,
                                null,
                                null,
                                "TT 64/2025: 50%",
                                null,
                                null,
                                halfFrom,
                                halfTo),
                        new Procedure.ChannelTerms(
                                null,
                                Channel.DIRECT,
                                60000L,
                                null,
                                null,
                                "a later rule",
                                null,
                                null,
                                LocalDate.of(2027, 7, 1),
                                null)),
                List.of());
        assertThat(exchange.at(province)
                        .through(Channel.ONLINE, LocalDate.of(2026, 12, 31))
                        .feeVnd())
                .isEqualTo(25000);
        assertThat(exchange.at(province)
                        .through(Channel.ONLINE, LocalDate.of(2026, 12, 31))
                        .feeSource())
                .isEqualTo("TT 64/2025: 50%");
        assertThat(exchange.at(province)
                        .through(Channel.ONLINE, halfFrom.minusDays(1))
                        .feeVnd())
                .isEqualTo(50000);
        assertThat(exchange.at(province)
                        .through(Channel.ONLINE, LocalDate.of(2027, 1, 1))
                        .feeVnd())
                .isEqualTo(50000);
        assertThat(exchange.at(province)
                        .through(Channel.DIRECT, LocalDate.of(2027, 1, 1))
                        .feeVnd())
                .isEqualTo(50000);
        assertThat(exchange.at(province)
                        .through(Channel.DIRECT, LocalDate.of(2027, 7, 1))
                        .feeVnd())
                .isEqualTo(60000);
    }
}
