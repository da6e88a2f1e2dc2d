/**
 * Contracts of the events payment-service publishes on {@code egov.payment.events} (CloudEvents
 * {@code data}), one record per versioned {@code type}. Additive changes only within a version;
 * consumers ignore fields they do not know. Amounts are whole VND, times are UTC instants, the
 * CloudEvent {@code subject} (and Kafka key) is the payment id.
 */
package vn.egov.commons.events.contracts.payment;
