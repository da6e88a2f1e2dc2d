package vn.egov.portal.dossier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * The portal's own check of a supplement's files before they go to the API: one file per requested document, not
 * empty, at most the API's 10 MB, and of a type the requirement allows — judged from the file's first bytes as
 * dossier-service does (PDF, PNG, JPEG), never from the browser's Content-Type or the file's extension. The API
 * checks all of it again; this only lets the page say what is wrong next to the field, in the page's language.
 */
@Component
class SupplementFiles {

    /** dossier-service's per-file limit ({@code egov.dossier.documents.max-file-size}). */
    static final DataSize MAX_FILE = DataSize.ofMegabytes(10);

    /** dossier-service's note limit. */
    static final int MAX_NOTE = 2000;

    record Checked(List<MyDossiers.Upload> uploads, Map<String, String> errors) {}

    private final MessageSource messages;

    SupplementFiles(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * @param files the form's file inputs by name ({@code file-<requirement code>})
     * @return the uploads in the order requested, or the errors by requirement code ({@code note} for the note)
     */
    Checked check(List<MyDossiers.Requirement> requested, Map<String, MultipartFile> files, String note) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<MyDossiers.Upload> uploads = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (MyDossiers.Requirement requirement : requested) {
            MultipartFile file = files.get(SupplementForm.inputName(requirement.code()));
            if (file == null || file.isEmpty() || file.getOriginalFilename() == null) {
                errors.put(requirement.code(), message("supplement.file.required"));
                continue;
            }
            if (file.getSize() > MAX_FILE.toBytes()) {
                errors.put(requirement.code(), message("supplement.file.too-large", MAX_FILE.toMegabytes()));
                continue;
            }
            byte[] content;
            try {
                content = file.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String type = sniff(content);
            List<String> allowed = requirement.allowedTypes() == null ? List.of() : requirement.allowedTypes();
            if (type == null || (!allowed.isEmpty() && !allowed.contains(type))) {
                errors.put(requirement.code(), message("supplement.file.type", requirement.kinds()));
                continue;
            }
            // the API matches files to documents by name: two files of the same name get the document's code first
            String name = cleanName(file.getOriginalFilename());
            if (!names.add(name)) {
                name = requirement.code() + "-" + name;
                names.add(name);
            }
            uploads.add(new MyDossiers.Upload(requirement.code(), name, type, content));
        }
        if (note != null && note.length() > MAX_NOTE) {
            errors.put("note", message("supplement.note.size", MAX_NOTE));
        }
        return new Checked(uploads, errors);
    }

    /** The type from the first bytes, as dossier-service's Uploads.sniff: PDF, PNG or JPEG; anything else null. */
    static String sniff(byte[] content) {
        if (starts(content, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (starts(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(content, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        return null;
    }

    private static boolean starts(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The file's own name without any path a browser may send, NFC as the API keeps it. */
    static String cleanName(String original) {
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        return name.isEmpty() ? "tai-lieu" : name;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
