package vn.egov.notification.notice;

/** A template rendered for one language: inbox/email title, plain text, HTML (escaped values), SMS text. */
record Rendered(String title, String text, String html, String sms) {}
