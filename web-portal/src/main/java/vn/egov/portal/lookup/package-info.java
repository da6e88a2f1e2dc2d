/** Public dossier lookup by code: status, procedure, agency and dates, never personal data. */
package vn.egov.portal.lookup;
