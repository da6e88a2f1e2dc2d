package vn.egov.commons.web;

import java.util.List;

/** One page of a list: every list endpoint answers in this shape. Pages count from 0. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageResponse<T> of(List<T> items, int page, int size, long totalItems) {
        int pages = size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
        return new PageResponse<>(List.copyOf(items), page, size, totalItems, pages);
    }

    /** Checks client paging input: page ≥ 0, 1 ≤ size ≤ 100. */
    public static void validate(int page, int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-paging");
        }
    }
}
