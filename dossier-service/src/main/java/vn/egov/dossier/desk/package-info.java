/**
 * Application module (Spring Modulith). The one-stop desk's actions on a dossier (receive, request a supplement,
 * forward, resolve, reject, return the result, transfer, withdraw, extend the deadline) and the owner's
 * supplements, with their HTTP entry.
 */
package vn.egov.dossier.desk;
