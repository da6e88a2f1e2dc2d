package vn.egov.dossier.calendar;

import java.time.Instant;
import java.util.List;

/**
 * How a procedure's time limit is split between the internal steps of the one-stop mechanism (quy trình nội bộ):
 * receiving, processing, approving, returning, each with its share of the counted working time, in that order.
 * The shares come from {@code internal_step_share} (V20): the platform's default 10/60/20/10, or a procedure's
 * own rows; they add up to 100. {@link DeadlineEngine#stepDueTimes} turns them into due times.
 */
public record InternalSteps(List<Share> shares) {

    public enum Step {
        /** Received at the desk and forwarded to the competent office (ends with {@code forward}). */
        RECEIVING,
        /** Examined by the competent office (thụ lý, thẩm định). */
        PROCESSING,
        /** Approved and signed by the competent leader (ends with {@code resolve}). */
        APPROVING,
        /** The result handed over at the desk or posted (ends with {@code return-result} or {@code post-result}). */
        RETURNING
    }

    /** One step and its share of the time limit, in percent. */
    public record Share(Step step, int percent, String nameVi, String nameEn) {
        public Share {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("a step's share is 0 to 100 percent: " + step + " " + percent);
            }
        }
    }

    /**
     * A step's due time: the end of its cumulative share of the working time counted from the first counted instant
     * to the dossier's due time.
     */
    public record Due(Share share, int cumulativePercent, Instant dueAt) {}

    public static final InternalSteps DEFAULT = new InternalSteps(List.of(
            new Share(Step.RECEIVING, 10, "Tiếp nhận, chuyển hồ sơ", "Receiving and forwarding"),
            new Share(Step.PROCESSING, 60, "Thụ lý, thẩm định", "Processing"),
            new Share(Step.APPROVING, 20, "Phê duyệt, ký kết quả", "Approving and signing"),
            new Share(Step.RETURNING, 10, "Trả kết quả", "Returning the result")));

    public InternalSteps {
        shares = List.copyOf(shares);
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("at least one internal step");
        }
        int sum = shares.stream().mapToInt(Share::percent).sum();
        if (sum != 100) {
            throw new IllegalArgumentException("internal step shares add up to 100, not " + sum + ": " + shares);
        }
        for (int i = 1; i < shares.size(); i++) {
            if (shares.get(i).step().ordinal() <= shares.get(i - 1).step().ordinal()) {
                throw new IllegalArgumentException("internal steps out of order: " + shares);
            }
        }
    }
}
