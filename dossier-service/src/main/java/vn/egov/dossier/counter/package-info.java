/**
 * Application module (Spring Modulith). The one-stop desk's counter (issue 15): a walk-in dossier taken by an
 * officer for a person identified by their national id (received at once when complete), and counter guidance for
 * an incomplete one (Mẫu 02: nothing received). The person's identity is sealed and kept as a keyed hash
 * ({@code dataprotection.ApplicantIdentities}); {@code tracking} hands the dossier to them once they sign in verified.
 */
package vn.egov.dossier.counter;
