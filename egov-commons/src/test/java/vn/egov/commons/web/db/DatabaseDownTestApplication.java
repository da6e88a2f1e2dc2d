package vn.egov.commons.web.db;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service whose database is not there: the shared problem details, a real driver and pool. */
@SpringBootApplication(excludeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
public class DatabaseDownTestApplication {

    @RestController
    static class Probe {
        private final JdbcClient jdbc;

        Probe(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        /** A read without a transaction: the pool cannot give a connection. */
        @GetMapping("/api/v1/db-probe")
        Integer read() {
            return jdbc.sql("select 1").query(Integer.class).single();
        }

        /** A write in a transaction: the transaction cannot begin. */
        @PostMapping("/api/v1/db-probe")
        @Transactional
        Integer write() {
            return jdbc.sql("select 2").query(Integer.class).single();
        }
    }
}
