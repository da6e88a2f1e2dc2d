package vn.egov.payment.refund;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

record RefundRequest(
        @Positive long amountVnd,
        @NotBlank @Size(max = 1000) String reason) {}
