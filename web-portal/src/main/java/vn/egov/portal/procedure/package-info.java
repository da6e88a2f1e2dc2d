/** The procedure catalogue for everyone: the home page with search and the most used procedures, results, detail. */
package vn.egov.portal.procedure;
