#!/bin/sh
# Creates the namespace with its retention (or updates the retention) and registers the decision
# search attributes (names and types: workflows/search-attributes.ts). Idempotent.
set -eu
: "${NAMESPACE:?}" "${RETENTION:?}"
until temporal operator cluster health >/dev/null 2>&1; do echo "waiting for Temporal at $TEMPORAL_ADDRESS"; sleep 2; done
if temporal operator namespace describe --namespace "$NAMESPACE" >/dev/null 2>&1; then
  temporal operator namespace update --namespace "$NAMESPACE" --retention "$RETENTION"
else
  temporal operator namespace create --namespace "$NAMESPACE" --retention "$RETENTION"
fi
existing="$(temporal operator search-attribute list --namespace "$NAMESPACE")"
for pair in DecisionStage:Keyword PolicyUnit:Keyword NextDueAt:Datetime Confidential:Bool; do
  name="${pair%%:*}"; type="${pair#*:}"
  if printf '%s\n' "$existing" | grep -qw "$name"; then
    echo "search attribute $name exists"
  else
    temporal operator search-attribute create --namespace "$NAMESPACE" --name "$name" --type "$type"
  fi
done
echo "namespace $NAMESPACE ready (retention $RETENTION)"
