package vn.egov.dossier.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.dossier.desk.DeskCases.*;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.dossier.desk.ActionPolicy.Violation;
import vn.egov.dossier.dossier.DossierTransitions.Status;

class RequestSupplementPolicyTest {

    final RequestSupplementPolicy policy = new RequestSupplementPolicy();
    final LocalDate due = LocalDate.of(2026, 12, 10);

    @Test
    void namesAtLeastOneDocument() {
        var c = deskCase(dossier(Status.RECEIVED, due), request(null, null, null, null));
        assertThat(policy.check(c))
                .extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("missingDocuments", "required"));
    }

    @Test
    void everyNamedDocumentIsARequirementOfTheProcedure() {
        var c = deskCase(dossier(Status.RECEIVED, due), request(null, null, null, List.of("GIAY_CHUNG_SINH", "SO_DO")));
        assertThat(policy.check(c)).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("unknown-requirement");
            assertThat(v.args()).containsExactly("SO_DO");
        });
    }

    @Test
    void theChangeCarriesTheMissingDocumentsOnceAndKeepsTheDueDate() {
        var c = deskCase(
                dossier(Status.RECEIVED, due),
                request("thiếu giấy", null, null, List.of("GIAY_CHUNG_SINH", "GIAY_CHUNG_SINH")));
        assertThat(policy.check(c)).isEmpty();
        var change = policy.change(c);
        assertThat(change.missingDocuments()).containsExactly("GIAY_CHUNG_SINH");
        assertThat(change.dueDate()).isEqualTo(due);
        assertThat(change.reason()).isEqualTo("thiếu giấy");
    }
}
