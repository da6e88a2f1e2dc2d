package vn.egov.devstack.smtp;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) with IMAP to read what was sent, both on 127.0.0.1. */
public final class SmtpServer implements AutoCloseable {

    private final GreenMail greenMail;

    private SmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static SmtpServer start(int smtpPort, int imapPort) {
        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        // Accept any recipient; each gets a mailbox readable over IMAP with its address as login and password.
        mail.withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
                .withDisabledAuthentication());
        mail.start();
        return new SmtpServer(mail);
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
