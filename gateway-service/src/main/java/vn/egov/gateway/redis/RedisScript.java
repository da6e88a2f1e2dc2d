package vn.egov.gateway.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.core.io.ClassPathResource;

/** A Lua script for {@link SharedRedis}, with the SHA-1 digest Redis knows it by. */
public record RedisScript(String source, String sha1) {

    /** The script in the classpath resource {@code path}. */
    public static RedisScript fromClasspath(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new RedisScript(
                    source,
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-1")
                                    .digest(source.getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
