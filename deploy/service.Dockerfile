# Runtime image of one Spring Boot service of the platform.
#
# It packages the jar built on the host, it does not build it: first run, from the repository root,
#   ./mvnw -q -DskipTests package
# docker-compose.yml builds each service with its module folder as the context and the module name
# as the build argument SERVICE, so the jar is <module>/target/<module>.jar (finalName = artifactId).
# By hand, for example:
#   docker build -f deploy/service.Dockerfile --build-arg SERVICE=identity-service identity-service
#
# service.Dockerfile.dockerignore (next to this file) keeps everything but the jar out of the context.

FROM eclipse-temurin:21-jre

ARG SERVICE
RUN test -n "$SERVICE" || { echo "the build argument SERVICE (the module name) is required" >&2; exit 1; } \
 && groupadd --system egov \
 && useradd --system --gid egov --home-dir /app --no-create-home --shell /usr/sbin/nologin egov

WORKDIR /app
# fails with "target/<service>.jar: not found" when the jar was not built first
COPY target/${SERVICE}.jar /app/app.jar

USER egov
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# exec: java is PID 1 and receives SIGTERM, so Spring Boot shuts down gracefully
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
