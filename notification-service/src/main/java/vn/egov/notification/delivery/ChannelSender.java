package vn.egov.notification.delivery;

import vn.egov.notification.recipient.Channel;

/** Sends one message on one channel; called outside any database transaction. */
interface ChannelSender {

    record Message(String destination, String title, String text, String html, String reference) {}

    /** A failure that retrying will not fix (e.g. the gateway refuses the number). */
    class PermanentFailure extends RuntimeException {
        PermanentFailure(String message) {
            super(message);
        }
    }

    Channel channel();

    /** @return the provider's id of the message, if it gives one */
    String send(Message message) throws Exception;
}
