package vn.egov.dossier.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.egov.dossier.calendar.TimeLimit;

class ProcedureFeeTest {

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
                                null, Channel.POSTAL, null, 12, TimeLimit.Unit.WORKING_DAYS, null, "by post: 12")));

        Procedure online = withChannels.at(hanoi).through(Channel.ONLINE);
        assertThat(online.feeVnd()).isEqualTo(100000);
        assertThat(online.feeSource()).isEqualTo("online: half");
        assertThat(online.timeLimit())
                .isEqualTo(new TimeLimit(10, TimeLimit.Unit.WORKING_DAYS, "Luật Lý lịch tư pháp 2009, Điều 48"));

        Procedure hcmOnline = withChannels.at(hcm).through(Channel.ONLINE);
        assertThat(hcmOnline.feeVnd()).isEqualTo(90000);
        assertThat(hcmOnline.timeLimit()).isEqualTo(new TimeLimit(7, TimeLimit.Unit.WORKING_DAYS, "HCM in 7 days"));

        Procedure counter = withChannels.at(hanoi).through(Channel.DIRECT);
        assertThat(counter.feeVnd()).isEqualTo(200000);
        assertThat(counter.feeSource()).isEqualTo("Thông tư 244/2016/TT-BTC");

        Procedure post = withChannels.at(hcm).through(Channel.POSTAL);
        assertThat(post.feeVnd()).isEqualTo(200000);
        assertThat(post.timeLimit()).isEqualTo(new TimeLimit(12, TimeLimit.Unit.WORKING_DAYS, "by post: 12"));
    }
}
