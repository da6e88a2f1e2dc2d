/** Agency statistics for everyone: on-time share, volumes and ratings, drawn on the server as SVG. */
package vn.egov.portal.statistics;
