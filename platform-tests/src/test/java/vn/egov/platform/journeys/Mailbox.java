package vn.egov.platform.journeys;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A person's mailbox on the local SMTP server, read over IMAP like a mail client would. */
final class Mailbox {

    record Mail(String subject, String body) {}

    private Mailbox() {}

    static List<Mail> of(String emailAddress) {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(Platform.IMAP_PORT));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        Session session = Session.getInstance(props);
        try (Store store = session.getStore("imap")) {
            // the local server accepts any password (authentication is off there); the login is the address
            store.connect(emailAddress, "local");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                mails.add(new Mail(m.getSubject(), text(m)));
            }
            inbox.close(false);
            return mails;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read the mailbox of " + emailAddress + ": " + e.getMessage(), e);
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart mp) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                sb.append(text(mp.getBodyPart(i))).append('\n');
            }
            return sb.toString();
        }
        return "";
    }
}
