package vn.egov.dossier.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.time.VietnamTime;
import vn.egov.dossier.dataprotection.FormDataSealer;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierTransitions.Status;
import vn.egov.dossier.fee.DossierFees;
import vn.egov.dossier.fee.Fee;

/**
 * Builds the full dossier view from a row the caller may see: the form opened, the documents, the overdue flag
 * (today in Vietnam), and the fee as the {@code fee} package holds it.
 */
@Component
public class DossierViewer {

    private final DossierViews views;
    private final JsonMapper json;
    private final Clock clock;
    private final FormDataSealer forms;
    private final DossierFees fees;
    private final LookupSecrets secrets;
    private final WalkInApplicants walkIns;

    DossierViewer(
            DossierViews views,
            JsonMapper json,
            Clock clock,
            FormDataSealer forms,
            DossierFees fees,
            LookupSecrets secrets,
            WalkInApplicants walkIns) {
        this.walkIns = walkIns;
        this.views = views;
        this.json = json;
        this.clock = clock;
        this.forms = forms;
        this.fees = fees;
        this.secrets = secrets;
    }

    public DossierView view(DossierRow d) {
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), VietnamTime.ZONE);
        boolean running = switch (d.status()) {
            case RECEIVED, IN_PROCESSING -> true;
            default -> false;
        };
        Fee fee = fees.of(d.id());
        DossierViews.DueTimes times = views.dueTimes(d.id());
        Map<String, Object> form =
                json.readValue(forms.open(d.id(), d.form()), new TypeReference<Map<String, Object>>() {});
        return new DossierView(
                d.code(),
                d.procedureCode(),
                d.procedureName(),
                d.agencyCode(),
                d.agencyName(),
                d.status().name(),
                d.submittedAt(),
                d.receivedDate(),
                d.dueDate(),
                running && d.pastDue(Instant.now(clock), today),
                fee.amountVnd(),
                fee.payment(),
                form,
                d.missingDocuments(),
                views.documents(d.id()),
                d.businessTaxCode(),
                d.businessName(),
                secrets.of(d.id()).orElse(null),
                d.channel(),
                walkIns.applicant(d.id()).orElse(null),
                walkIns.delivery(d.id()).orElse(null),
                times.dueAt(),
                times.receiptDueAt(),
                d.status() == Status.SUBMITTED
                        && times.receiptDueAt() != null
                        && clock.instant().isAfter(times.receiptDueAt()),
                d.receivingAgencyCode(),
                d.caseCode(),
                d.caseName());
    }
}
