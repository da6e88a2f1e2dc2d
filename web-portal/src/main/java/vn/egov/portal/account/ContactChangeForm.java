package vn.egov.portal.account;

/** A new email address ({@code EMAIL}) or mobile number ({@code SMS}) to confirm by a one-time code. */
record ContactChangeForm(String channel, String value) {

    ContactChangeForm {
        value = value == null ? null : value.strip();
    }

    @Override
    public String toString() {
        return "ContactChangeForm[channel=" + channel + ", value=…]";
    }
}
