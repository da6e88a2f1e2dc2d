/**
 * Contracts of the events payment-service publishes on {@code egov.payment.events} (CloudEvents
 * {@code data}), one record per versioned {@code type}. Additive changes only within a version;
 * consumers ignore fields they do not know. Amounts are whole VND, times are UTC instants, the
 * CloudEvent {@code subject} (and Kafka key) is the payment id. The events about money the citizen paid
 * (succeeded, late-paid, refunded) name the payer by subject id ({@code payerSubject}) so that
 * notification-service can tell them without having seen the dossier's events first; they carry no
 * personal data (no name, email or phone). Events published before that field was added lack it.
 */
package vn.egov.contracts.payment;
