package vn.egov.dossier.time;

import java.time.ZoneId;

/** The one time zone of dossier dates: deadlines, "today" and submission days are Vietnam dates. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }
}
