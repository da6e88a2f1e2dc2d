/**
 * The outbound client of the national business registration system (Hệ thống thông tin quốc gia về đăng ký
 * doanh nghiệp): does a person legally represent a business. The {@code business} package asks it before
 * linking a citizen to a business.
 */
package vn.egov.identity.businessregistry;
