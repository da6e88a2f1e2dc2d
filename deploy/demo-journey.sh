#!/usr/bin/env bash
# A dossier's whole life through the gateway of a running platform (./egov up), as the demo users:
# the citizen submits a zero-fee birth registration with PDFs, the officer receives it and asks for a
# supplement, the citizen supplies it, the officer forwards, the approver resolves, the officer returns
# the result, the citizen rates it; then the public lookup, the citizen's inbox and the SMS simulator.
# Exits non-zero at the first step that does not answer as expected.
set -euo pipefail
G="${EGOV_GATEWAY:-http://127.0.0.1:8080}"
PW="${EGOV_DEMO_PASSWORD:-Demo@2026}"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT

step() { printf '\n== %s\n' "$*"; }
token() {
  curl -sf "$G/auth/realms/egov/protocol/openid-connect/token" -d grant_type=password -d client_id=egov-local-cli \
    -d "username=$1" --data-urlencode "password=$PW" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
# call EXPECTED_STATUS CURL-ARGS...: prints the body, fails unless the status matches
call() {
  local expected="$1"; shift
  local status; status="$(curl -s -o "$WORK/body" -w '%{http_code}' "$@")"
  cat "$WORK/body"; echo
  [[ "$status" == "$expected" ]] || { echo "expected HTTP $expected, got $status" >&2; exit 1; }
}
field() { sed -E "s/.*\"$1\":\"([^\"]*)\".*/\1/" "$WORK/body"; }
pdf() { printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n%s\n' "$2" > "$WORK/$1"; }

CITIZEN="$(token 001090012345)"; OFFICER="$(token canbo.motcua)"; APPROVER="$(token chuyenvien.pheduyet)"
pdf to-khai.pdf "to khai"; pdf giay-chung-sinh.pdf "giay chung sinh"; pdf bo-sung.pdf "ban sao bo sung"; pdf ket-qua.pdf "giay khai sinh"

step "citizen submits a birth registration (procedure 1.001193, no fee)"
call 201 "$G/api/v1/dossiers" -H "Authorization: Bearer $CITIZEN" -H "Idempotency-Key: demo-$(date +%s%N)" \
  -F 'dossier={"procedureCode":"1.001193","formData":{"childName":"Nguyễn Minh Khôi","childDateOfBirth":"2026-11-01","childSex":"MALE","placeOfBirth":"Bệnh viện Phụ sản Hà Nội","relationship":"FATHER"},"documents":[{"requirementCode":"TO_KHAI","fileName":"to-khai.pdf"},{"requirementCode":"GIAY_CHUNG_SINH","fileName":"giay-chung-sinh.pdf"}]};type=application/json' \
  -F "files=@$WORK/to-khai.pdf;type=application/pdf" -F "files=@$WORK/giay-chung-sinh.pdf;type=application/pdf"
CODE="$(field code)"; SECRET="$(field lookupSecret)"; echo "dossier code: $CODE, lookup secret: $SECRET"

act() { # act TOKEN ACTION JSON
  call 200 "$G/api/v1/dossiers/$CODE/actions/$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$3"
}
step "officer receives it"; act "$OFFICER" receive '{"note":"Hồ sơ đủ thành phần"}'
step "officer asks for a supplement"; act "$OFFICER" request-supplement '{"reason":"Giấy chứng sinh bản chụp không rõ","missingDocuments":["GIAY_CHUNG_SINH"]}'
step "citizen supplies it"
call 200 "$G/api/v1/dossiers/$CODE/supplements" -H "Authorization: Bearer $CITIZEN" \
  -F 'supplement={"note":"Bản chụp rõ hơn","documents":[{"requirementCode":"GIAY_CHUNG_SINH","fileName":"bo-sung.pdf"}]};type=application/json' \
  -F "files=@$WORK/bo-sung.pdf;type=application/pdf"
step "officer forwards it to the approver"; act "$OFFICER" forward '{"note":"Chuyển chuyên viên xử lý"}'
step "approver resolves it with the decision document"
call 200 "$G/api/v1/dossiers/$CODE/actions/resolve" -H "Authorization: Bearer $APPROVER" \
  -F 'action={"note":"Đồng ý cấp giấy khai sinh"};type=application/json' -F "result=@$WORK/ket-qua.pdf;type=application/pdf"
step "officer returns the result"; act "$OFFICER" return-result '{"note":"Đã trả kết quả trực tuyến"}'
step "citizen rates the service"
call 201 "$G/api/v1/dossiers/$CODE/rating" -H "Authorization: Bearer $CITIZEN" -H 'Content-Type: application/json' -d '{"score":5,"comment":"Nhanh gọn"}'
step "anyone with the code and its lookup secret looks it up: status and appointment date, no personal data"
call 400 "$G/api/v1/public/dossiers/$CODE"
call 200 "$G/api/v1/public/dossiers/$CODE?secret=$SECRET"
if grep -q -e 001090012345 -e "Nguyễn Minh Khôi" "$WORK/body"; then echo "public lookup leaks personal data" >&2; exit 1; fi
grep -q RESULT_RETURNED "$WORK/body" || { echo "public lookup does not show RESULT_RETURNED" >&2; exit 1; }
step "the history keeps every transition"
call 200 "$G/api/v1/dossiers/$CODE/history" -H "Authorization: Bearer $CITIZEN"
for a in submit receive request-supplement supplement forward resolve return-result; do
  grep -q "\"$a\"" "$WORK/body" || { echo "history lacks $a" >&2; exit 1; }
done
step "the citizen's inbox (notifications arrive through Kafka; give them a moment)"
sleep 5
call 200 "$G/api/v1/notifications?size=20" -H "Authorization: Bearer $CITIZEN"
grep -q "$CODE" "$WORK/body" || { echo "no inbox item names $CODE" >&2; exit 1; }
printf '\nAll steps answered as expected for dossier %s.\n' "$CODE"
