package vn.egov.dossier.desk;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.time.VietnamTime;
import vn.egov.commons.web.ApiProblem;
import vn.egov.dossier.calendar.Deadlines;
import vn.egov.dossier.calendar.WorkingDayCalendar;
import vn.egov.dossier.document.AcceptedFile;
import vn.egov.dossier.document.DocumentStorage;
import vn.egov.dossier.document.Documents;
import vn.egov.dossier.document.PersonalDocuments;
import vn.egov.dossier.dossier.Actor;
import vn.egov.dossier.dossier.DossierAccess;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierStore;
import vn.egov.dossier.dossier.DossierTransitions;
import vn.egov.dossier.dossier.DossierTransitions.Action;
import vn.egov.dossier.dossier.DossierTransitions.Role;
import vn.egov.dossier.dossier.DossierTransitions.Transition;
import vn.egov.dossier.input.InputLimits;
import vn.egov.dossier.intake.Intake;
import vn.egov.dossier.procedure.Procedure;
import vn.egov.dossier.procedure.ProcedureCatalogue;

/**
 * The one-stop desk's actions on a dossier and the citizen's supplement, each one transition: the transition table
 * says whether the action is allowed (status and role), the action's {@link ActionPolicy} what it checks and changes.
 */
@Service
public class DossierActions {

    /** Limits: {@link InputLimits}; {@code reason}, {@code targetAgencyCode} and {@code missingDocuments} travel in the event. */
    public record ActionRequest(
            @Size(max = InputLimits.REASON) String reason,
            @Size(max = InputLimits.NOTE) String note,
            LocalDate newAppointmentDate,
            @Size(max = InputLimits.CODE) String targetAgencyCode,
            @Size(max = InputLimits.LIST_ITEMS) List<@Size(max = InputLimits.CODE) String> missingDocuments,
            @Valid Delivery delivery) {

        public ActionRequest(
                String reason,
                String note,
                LocalDate newAppointmentDate,
                String targetAgencyCode,
                List<String> missingDocuments) {
            this(reason, note, newAppointmentDate, targetAgencyCode, missingDocuments, null);
        }
    }

    /**
     * How a result is handed over ({@code return-result}, {@code post-result}): {@code method} ONLINE (as before, the
     * default), COUNTER (who collected it: {@code collectedByName}, {@code collectedByNationalId}) or POST
     * ({@code post-result}: {@code trackingNumber}, {@code postedDate}).
     */
    public record Delivery(
            @Size(max = 10) String method,
            @Size(max = 200) String collectedByName,
            @Size(max = 12) String collectedByNationalId,
            @Size(max = InputLimits.CODE) String trackingNumber,
            LocalDate postedDate) {

        @Override
        public String toString() {
            return "Delivery[" + method + "]";
        }
    }

    public record SupplementRequest(
            @Size(max = InputLimits.NOTE) String note,
            @Size(max = InputLimits.LIST_ITEMS) List<Intake.@Valid DocumentRef> documents) {}

    /** The result of a procedure: its decision document, a signed PDF. */
    public static final Procedure.RequiredDocument RESULT = new Procedure.RequiredDocument(
            "KET_QUA", "Kết quả giải quyết", "Decision document", true, List.of("application/pdf"));

    private final JdbcClient jdbc;
    private final DossierStore store;
    private final DossierLifecycle lifecycle;
    private final WorkingDayCalendar calendar;
    private final Deadlines deadlines;
    private final ProcedureCatalogue catalogue;
    private final Intake intake;
    private final DocumentStorage storage;
    private final Clock clock;
    private final PersonalDocuments personalDocuments;
    private final DeskWrites writes;

    DossierActions(
            JdbcClient jdbc,
            DossierStore store,
            DossierLifecycle lifecycle,
            Deadlines deadlines,
            ProcedureCatalogue catalogue,
            Intake intake,
            DocumentStorage storage,
            Clock clock,
            PersonalDocuments personalDocuments,
            DeskWrites writes) {
        this.personalDocuments = personalDocuments;
        this.writes = writes;
        this.jdbc = jdbc;
        this.store = store;
        this.lifecycle = lifecycle;
        this.deadlines = deadlines;
        this.calendar = deadlines.calendar();
        this.catalogue = catalogue;
        this.intake = intake;
        this.storage = storage;
        this.clock = clock;
    }

    @Transactional
    public DossierRow act(EgovPrincipal who, String code, String actionName, ActionRequest body) {
        return act(who, code, actionName, body, null);
    }

    /**
     * {@code actionName}: as the client names it ({@code /actions/{action}}); an unknown name is 404 only after the
     * dossier was found visible. {@code result}: the decision document (PDF) an approver may attach when resolving.
     */
    @Transactional
    public DossierRow act(EgovPrincipal who, String code, String actionName, ActionRequest body, MultipartFile result) {
        ActionRequest request = body == null ? new ActionRequest(null, null, null, null, null, null) : body;
        DossierRow d = store.lock(code).orElseThrow(() -> DossierAccess.notFound(code));
        Set<Role> mine = DossierAccess.rolesOn(who, d);
        if (mine.isEmpty()) {
            throw DossierAccess.notFound(code);
        }
        Action action = Action.clientNamed(actionName)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "dossier-action-unknown", actionName));
        Set<Role> allowed = intersection(DossierTransitions.rolesFor(action), mine);
        if (allowed.isEmpty()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "dossier-action-forbidden", actionName);
        }
        Transition t = allowed.stream()
                .map(role -> DossierTransitions.find(d.status(), action, role))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.CONFLICT,
                        "dossier-transition-not-allowed",
                        actionName,
                        d.status().name()));
        ActionPolicy policy = ActionPolicies.forAction(action).orElseThrow();
        ActionPolicy.DeskCase c = new ActionPolicy.DeskCase(
                d, request, today(), Instant.now(clock), () -> catalogue.find(d).orElseThrow(), deadlines);
        fail(policy.check(c).stream()
                .map(v -> intake.error(v.field(), v.code(), v.args()))
                .toList());
        if (result != null && action == Action.RESOLVE) {
            // the decision document (the controller refuses a file with any other action)
            List<ApiProblem.FieldError> errors = new ArrayList<>();
            List<AcceptedFile> files = intake.checkDocuments(
                    List.of(new Intake.DocumentRef(RESULT.code(), result.getOriginalFilename())),
                    List.of(result),
                    requirement -> Optional.of(RESULT),
                    List.of(RESULT.code()),
                    errors,
                    Intake.UPLOADS_ONLY);
            fail(errors);
            Documents.store(jdbc, storage, d.id(), files, "RESULT", who.subject(), Instant.now(clock));
        }
        policy.write(c, writes);
        return lifecycle.apply(policy.subject(c), t, new Actor(who.subject(), t.role()), policy.change(c));
    }

    /**
     * The owner answers a supplement request with all the missing documents at once; the clock restarts
     * and the appointment moves by the working days it was paused.
     */
    @Transactional
    public DossierRow supplement(EgovPrincipal who, String code, SupplementRequest body, List<MultipartFile> files) {
        DossierRow d = store.lock(code).orElseThrow(() -> DossierAccess.notFound(code));
        Set<Role> mine = DossierAccess.rolesOn(who, d);
        if (mine.isEmpty()) {
            throw DossierAccess.notFound(code);
        }
        if (!mine.contains(Role.OWNER)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "dossier-action-forbidden", Action.SUPPLEMENT.wireName());
        }
        Transition t = DossierTransitions.find(d.status(), Action.SUPPLEMENT, Role.OWNER)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.CONFLICT,
                        "dossier-transition-not-allowed",
                        Action.SUPPLEMENT.wireName(),
                        d.status().name()));
        Procedure procedure = catalogue.find(d).orElseThrow();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        SupplementRequest request = body == null ? new SupplementRequest(null, List.of()) : body;
        List<AcceptedFile> accepted = intake.checkDocuments(
                request.documents(),
                files,
                requirement ->
                        d.missingDocuments().contains(requirement) ? procedure.document(requirement) : Optional.empty(),
                d.missingDocuments(),
                errors,
                id -> personalDocuments.find(who.subject(), id));
        fail(errors);
        LocalDate today = today();
        int paused =
                d.supplementRequestedOn() == null ? 0 : calendar.workingDaysBetween(d.supplementRequestedOn(), today);
        LocalDate due = d.dueDate() == null ? null : calendar.addWorkingDays(d.dueDate(), paused);
        // the due time moves with its date and keeps its time of day (4 working hours due at 10:00 stay at 10:00)
        Instant dueAt = due == null ? null : movedDueTime(d, due);
        Documents.store(jdbc, storage, d.id(), accepted, "SUPPLEMENT", who.subject(), Instant.now(clock));
        jdbc.sql("update dossier set missing_documents = '{}', supplement_requested_on = null where id = ?")
                .param(d.id())
                .update();
        return lifecycle.apply(
                d,
                t,
                new Actor(who.subject(), Role.OWNER),
                new DossierLifecycle.Change(
                        null,
                        request.note(),
                        due,
                        List.of(),
                        Map.of(
                                "pausedWorkingDays",
                                paused,
                                "documents",
                                accepted.stream()
                                        .map(AcceptedFile::requirementCode)
                                        .toList()),
                        dueAt));
    }

    private Instant movedDueTime(DossierRow d, LocalDate due) {
        Instant before = jdbc.sql("select due_at from dossier where id = ?")
                .param(d.id())
                .query((rs, i) -> {
                    java.sql.Timestamp at = rs.getTimestamp(1);
                    return at == null ? null : at.toInstant();
                })
                .list()
                .get(0);
        if (before == null) {
            return deadlines.closingOf(due, d.agencyCode());
        }
        return VietnamTime.instantOf(due.atTime(VietnamTime.at(before).toLocalTime()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), VietnamTime.ZONE);
    }

    private static Set<Role> intersection(Set<Role> a, Set<Role> b) {
        Set<Role> both = java.util.EnumSet.noneOf(Role.class);
        both.addAll(a);
        both.retainAll(b);
        return both;
    }

    private static void fail(List<ApiProblem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "dossier-invalid", errors, Map.of());
        }
    }
}
