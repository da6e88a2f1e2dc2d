#!/usr/bin/env bash
# Kafka's topics, users and ACLs for docker-compose.yml, the same as the Kubernetes manifests'
# (deploy/kubernetes/base/kafka: topics.yaml, and users.yaml's one SCRAM-SHA-512 user per service with its ACLs).
#
# Run by the one-shot kafka-init container (the broker's own image) on every `docker compose up`, before the
# services start. It shares the kafka container's network namespace and talks to the broker's BROKER listener,
# plain text on the container's loopback only: its anonymous principal is the broker's super user, and nothing
# outside the kafka container can reach it. The services sign in on the SERVICES listener, each as its own user.
#
# deploy-tests' ComposeKafkaTest runs this very script against a real broker configured from docker-compose.yml
# and compares what it made with topics.yaml and users.yaml: change them together.
#
# Idempotent: existing topics and ACLs are kept, the passwords are set again (a changed EGOV_KAFKA_*_PASSWORD takes
# effect at the next `docker compose up`). It only adds: an ACL removed here must be removed from the broker by hand
# (or start from an empty kafka-data volume).
set -euo pipefail

bin=${KAFKA_BIN:-/opt/kafka/bin}
bootstrap=${KAFKA_ADMIN_BOOTSTRAP:?is not set, the address of the broker loopback listener}

# name, partitions (topics.yaml's; one replica: one broker)
topic() {
    "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --create --if-not-exists \
        --topic "$1" --partitions "$2" --replication-factor 1
}

# a SCRAM-SHA-512 user, its password from <NAME>_KAFKA_PASSWORD (identity-service: IDENTITY_SERVICE_KAFKA_PASSWORD);
# kafka-configs.sh reads the password up to the next ',' or ']', so a password must hold neither
user() {
    local variable
    variable="$(printf '%s' "$1" | tr 'a-z-' 'A-Z_')_KAFKA_PASSWORD"
    "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type users --entity-name "$1" \
        --add-config "SCRAM-SHA-512=[password=${!variable:?$variable is not set}]"
}

# a user, then kafka-acls.sh's operations and resources: the operations are allowed on each resource
allow() {
    local user=$1
    shift
    "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --add --allow-principal "User:$user" "$@"
}

# ---------------------------------------------------------------- topics (topics.yaml)

topic egov.identity.events 6
topic egov.identity.events.dossier-service.dlq 1
topic egov.identity.events.payment-service.dlq 1
topic egov.identity.events.notification-service.dlq 1
topic egov.dossier.events 6
topic egov.dossier.events.payment-service.dlq 1
topic egov.dossier.events.payment-service.dossier-fees.dlq 1
topic egov.dossier.events.notification-service.dlq 1
topic egov.payment.events 6
topic egov.payment.events.dossier-service.dlq 1
topic egov.payment.events.notification-service.dlq 1

# ---------------------------------------------------------------- users and their ACLs (users.yaml)

user identity-service
# its events (outbox relay)
allow identity-service --operation Write --operation Describe --topic egov.identity.events

user dossier-service
# its events and its dead letters
allow dossier-service --operation Write --operation Describe \
    --topic egov.dossier.events \
    --topic egov.payment.events.dossier-service.dlq \
    --topic egov.identity.events.dossier-service.dlq
# events it consumes (the agency registry's changes: its working hours' replica, decision 60)
allow dossier-service --operation Read --operation Describe --topic egov.payment.events --topic egov.identity.events
# its consumer group
allow dossier-service --operation Read --group dossier-service

user payment-service
allow payment-service --operation Write --operation Describe \
    --topic egov.payment.events \
    --topic egov.dossier.events.payment-service.dlq \
    --topic egov.dossier.events.payment-service.dossier-fees.dlq \
    --topic egov.identity.events.payment-service.dlq
# (the agency registry's changes: its receipt series' replica, decision 60)
allow payment-service --operation Read --operation Describe --topic egov.dossier.events --topic egov.identity.events
# its consumer group and the dossier fee book's own (decision 36)
allow payment-service --operation Read --group payment-service --group payment-service.dossier-fees

user notification-service
# no events of its own: its dead letters only
allow notification-service --operation Write --operation Describe \
    --topic egov.identity.events.notification-service.dlq \
    --topic egov.dossier.events.notification-service.dlq \
    --topic egov.payment.events.notification-service.dlq
allow notification-service --operation Read --operation Describe \
    --topic egov.identity.events --topic egov.dossier.events --topic egov.payment.events
allow notification-service --operation Read --group notification-service

echo "Kafka topics, users and ACLs are in place"
