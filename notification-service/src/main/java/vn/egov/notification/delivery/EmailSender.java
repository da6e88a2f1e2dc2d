package vn.egov.notification.delivery;

import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.egov.notification.recipient.Channel;

/** Email over SMTP: a plain-text and an HTML part (values HTML-escaped by the template engine). */
@Component
class EmailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final EmailProperties properties;

    EmailSender(JavaMailSender mail, EmailProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String send(Message message) throws Exception {
        MimeMessage mime = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(properties.mailFrom());
        helper.setTo(message.destination());
        helper.setSubject(message.title());
        helper.setText(message.text(), message.html());
        mime.setHeader("X-Egov-Delivery", message.reference());
        mail.send(mime);
        return mime.getMessageID();
    }
}
