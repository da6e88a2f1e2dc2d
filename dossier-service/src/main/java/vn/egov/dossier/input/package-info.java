/**
 * Application module (Spring Modulith). Bounded input of the HTTP API: the limits of every free-text or list
 * field, and JSON parts of multipart requests read and validated like bodies.
 */
package vn.egov.dossier.input;
