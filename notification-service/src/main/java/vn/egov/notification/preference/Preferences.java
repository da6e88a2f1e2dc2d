package vn.egov.notification.preference;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.notification.recipient.Channel;

/**
 * Channels per person and event kind. Default: every channel on (a person who never chose gets
 * everything we can send). Mandatory kinds (security notices) are sent whatever was chosen. The inbox
 * is the record of what happened and cannot be turned off.
 */
@Component
public class Preferences {

    record KindSetting(String kind, boolean mandatory, boolean email, boolean sms) {}

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean wants(String subject, String kind, Channel channel) {
        if (channel == Channel.INBOX) {
            return true;
        }
        return jdbc.sql("""
                        select k.mandatory or coalesce(p.enabled, true)
                        from event_kind k left join preference p
                          on p.kind = k.kind and p.subject = :subject and p.channel = :channel
                        where k.kind = :kind""")
                .param("subject", subject)
                .param("kind", kind)
                .param("channel", channel.name())
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    List<KindSetting> of(String subject) {
        return jdbc.sql("""
                        select k.kind, k.mandatory,
                               k.mandatory or coalesce(e.enabled, true),
                               k.mandatory or coalesce(s.enabled, true)
                        from event_kind k
                        left join preference e on e.kind = k.kind and e.subject = :subject and e.channel = 'EMAIL'
                        left join preference s on s.kind = k.kind and s.subject = :subject and s.channel = 'SMS'
                        order by k.kind""")
                .param("subject", subject)
                .query((rs, i) ->
                        new KindSetting(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)))
                .list();
    }

    List<String> kinds() {
        return jdbc.sql("select kind from event_kind order by kind")
                .query(String.class)
                .list();
    }

    void set(String subject, String kind, Channel channel, boolean enabled) {
        jdbc.sql("""
                        insert into preference (subject, kind, channel, enabled) values (?, ?, ?, ?)
                        on conflict (subject, kind, channel) do update set enabled = excluded.enabled""")
                .param(subject)
                .param(kind)
                .param(channel.name())
                .param(enabled)
                .update();
    }
}
