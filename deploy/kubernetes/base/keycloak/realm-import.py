#!/usr/bin/env python3
"""Writes realm-import.yaml from deploy/keycloak/egov-realm-production.json (run from the repository root:
python3 deploy/kubernetes/base/keycloak/realm-import.py). Needs PyYAML (Debian: python3-yaml)."""
import json
import pathlib

import yaml

here = pathlib.Path(__file__).resolve().parent
realm = json.loads((here.parents[3] / "deploy/keycloak/egov-realm-production.json").read_text(encoding="utf-8"))
target = here / "realm-import.yaml"
head = target.read_text(encoding="utf-8").split("apiVersion:", 1)[0]
secrets = {
    "EGOV_PUBLIC_URL": "egov-public-url",
    "IDENTITY_KEYCLOAK_CLIENT_SECRET": "identity-service-secrets",
    "DOSSIER_CLIENT_SECRET": "dossier-service-secrets",
    "PAYMENT_CLIENT_SECRET": "payment-service-secrets",
    "NOTIFICATION_CLIENT_SECRET": "notification-service-secrets",
    "PORTAL_CLIENT_SECRET": "web-portal-secrets",
    # the national identity provider VNeID brokered by Keycloak (decision 38): addresses and client from its registration
    "VNEID_ISSUER": "vneid-client",
    "VNEID_AUTHORIZATION_URL": "vneid-client",
    "VNEID_TOKEN_URL": "vneid-client",
    "VNEID_USERINFO_URL": "vneid-client",
    "VNEID_JWKS_URL": "vneid-client",
    "VNEID_CLIENT_ID": "vneid-client",
    "VNEID_CLIENT_SECRET": "vneid-client",
}
doc = {
    "apiVersion": "k8s.keycloak.org/v2alpha1",
    "kind": "KeycloakRealmImport",
    "metadata": {"name": "egov-realm"},
    "spec": {
        "keycloakCRName": "egov-keycloak",
        "placeholders": {k: {"secret": {"name": v, "key": k}} for k, v in secrets.items()},
        "realm": realm,
    },
}
target.write_text(head + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
