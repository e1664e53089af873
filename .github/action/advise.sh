#!/usr/bin/env bash
# The GitHub Action's one step (action.yml): runs the published CLI at the
# action's own version through npx, sets the step's outputs from its JSON
# result, prints the result in the chosen format, and fails the step when
# --expect does not match (exit 1) or the input is bad (exit 2).
set -uo pipefail

version=$(node -p 'require(process.argv[1]).version' "$ECS_OR_EKS_ACTION_PATH/package.json") || exit 70
cli=(npx --yes "ecs-or-eks@$version")

common=(--answers "$INPUT_ANSWERS" --lang "$INPUT_LANG")
[ -n "$INPUT_RULES" ] && common+=(--rules "$INPUT_RULES")

case "$INPUT_FORMAT" in
  text | json | markdown | adr) ;;
  *) echo "ecs-or-eks: the format input must be text, json, markdown or adr (got \"$INPUT_FORMAT\")." >&2; exit 2 ;;
esac
case "$INPUT_SUMMARY" in
  true) summary=(--summary) ;;
  false) summary=() ;;
  *) echo "ecs-or-eks: the summary input must be true or false (got \"$INPUT_SUMMARY\")." >&2; exit 2 ;;
esac
expect=()
[ -n "$INPUT_EXPECT" ] && expect=(--expect "$INPUT_EXPECT")

result=$(mktemp)
trap 'rm -f "$result"' EXIT

# One run decides: its JSON gives the outputs, its exit code the step's.
"${cli[@]}" "${common[@]}" --format json "${summary[@]}" "${expect[@]}" > "$result"
status=$?
# 0: the answers support the expected platform (or none was expected); 1: they do not. Anything else: no result.
if [ "$status" -gt 1 ]; then exit "$status"; fi

node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const chosen = r.costs.estimate.options.find((o) => o.platform === r.recommendation && o.launchType === r.launchType);
  process.stdout.write(`recommendation=${r.recommendation}\nlaunch-type=${r.launchType}\nconfidence=${r.confidence ?? ""}\nclose-call=${r.closeCall}\nmonthly-usd=${chosen.total}\n`);
' "$result" >> "$GITHUB_OUTPUT" || exit 74

if [ "$INPUT_FORMAT" = json ]; then
  cat "$result"
else
  "${cli[@]}" "${common[@]}" --format "$INPUT_FORMAT" || exit $?
fi
exit "$status"
