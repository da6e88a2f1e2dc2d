/**
 * Application module (Spring Modulith). Personal data at rest: the data key, form data sealed per dossier, and
 * the background re-sealing of legacy clear data and of data sealed with older keys.
 */
package vn.egov.dossier.dataprotection;
