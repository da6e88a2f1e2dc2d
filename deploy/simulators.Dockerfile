# Runtime image of the simulators of outside parties (devstack): the population registry, the
# VNPay-protocol payment gateway and the SMS gateway. One image; the compose service picks the simulator
# by its main class (the command).
#
# It packages what the host build produced, it does not build it: first run, from the repository root,
#   ./mvnw -q -DskipTests package
# (devstack/target/devstack-<version>.jar and devstack/target/simulator-lib/, the logging jars).
# By hand, for example:
#   docker build -f deploy/simulators.Dockerfile -t egov/simulators:dev devstack
#   docker run --rm -p 127.0.0.1:8092:8092 egov/simulators:dev \
#     vn.egov.devstack.simulators.registry.PopulationRegistrySimulator --port 8092
#
# DEVELOPMENT ONLY: these stand in for other parties' systems; never deploy them next to a real service.

FROM eclipse-temurin:21-jre

RUN groupadd --system egov \
 && useradd --system --gid egov --home-dir /app --no-create-home --shell /usr/sbin/nologin egov

WORKDIR /app
# fails with "not found" when devstack was not packaged first
COPY target/devstack-*.jar /app/lib/
COPY target/simulator-lib/ /app/lib/
COPY src/main/resources/devstack-logback.xml /app/logback.xml

USER egov
# in a container the other containers must reach the simulator (the host publishes its port on loopback)
ENV EGOV_SIMULATOR_BIND=0.0.0.0
ENV JAVA_OPTS="-Xmx128m -XX:+ExitOnOutOfMemoryError -Dlogback.configurationFile=/app/logback.xml"
# exec: java is PID 1 and receives SIGTERM; "$@" is the main class and its options
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -cp '/app/lib/*' \"$@\"", "simulator"]
