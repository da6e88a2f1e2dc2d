package vn.egov.dossier.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/** Small rules for uploaded files: the real type from the bytes, a safe name, a digest. */
public final class Uploads {

    private Uploads() {}

    /** The content type the bytes really are (PDF, PNG, JPEG), or null: the client's claim is ignored. */
    public static String sniff(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 8
                && (b[0] & 0xff) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0d
                && b[5] == 0x0a
                && b[6] == 0x1a
                && b[7] == 0x0a) {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    /**
     * A file name safe to store and to send back in Content-Disposition: no path, no control or
     * reserved characters, NFC (Vietnamese stays readable), at most 150 characters.
     */
    public static String sanitise(String name) {
        if (name == null) {
            return "document";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = Normalizer.normalize(base, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}<>:\"|?*;%]", "_")
                .replaceAll("^[.\\s]+", "")
                .strip();
        if (clean.length() > 150) {
            int dot = clean.lastIndexOf('.');
            String ext = dot > 0 && clean.length() - dot <= 10 ? clean.substring(dot) : "";
            clean = clean.substring(0, 150 - ext.length()) + ext;
        }
        return clean.isEmpty() ? "document" : clean;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
