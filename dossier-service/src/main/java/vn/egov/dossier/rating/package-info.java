/**
 * Application module (Spring Modulith). The owner's satisfaction rating after the result was returned (once).
 */
package vn.egov.dossier.rating;
