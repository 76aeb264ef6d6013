# shellcheck shell=bash
# Helpers for scripts that drive a job on the local cluster (scripts/chaos, scripts/bench-live). Sourced after
# common.sh, with FLINK_REST_PORT and BOOTSTRAP (the broker, host:port) set.

# The job's own state is the first "state" of its details (its vertices' come later).
job_state() { http_get "$FLINK_REST_PORT" "/jobs/$1" 2>/dev/null | grep -o '"state":"[A-Z]*"' | head -n1 | cut -d'"' -f4; }

# Waits until the job runs every task (after a submission, a restart or an upgrade): a job can be RUNNING while its
# tasks still deploy.
wait_all_running() {
  local job="$1"
  for ((i = 0; i < 600; i++)); do
    if [[ "$(job_state "$job")" == RUNNING ]] \
      && ! http_get "$FLINK_REST_PORT" "/jobs/$job" 2>/dev/null | grep -q '"status":"\(CREATED\|SCHEDULED\|DEPLOYING\|INITIALIZING\)"'; then
      return 0
    fi
    sleep 0.5
  done
  die "job $job is not running all its tasks after 5 minutes (see $BRANDPULSE_RUN_DIR/flink/log)"
}

# Submits the job detached and prints its id.
# usage: submit_job CONFIG PARALLELISM [scripts/submit options...] [-- job arguments...]
submit_job() {
  local config="$1" parallelism="$2" options=() out
  shift 2
  while [[ $# -gt 0 && "$1" != -- ]]; do options+=("$1"); shift; done
  [[ $# -gt 0 ]] && shift
  out="$("$ROOT/scripts/submit" --config "$config" --parallelism "$parallelism" ${options[@]+"${options[@]}"} \
    -- --bootstrap-servers "$BOOTSTRAP" "$@" 2>&1)" \
    || { echo "$out" >&2; die "submission failed"; }
  echo "$out" | sed -n 's/.*Job has been submitted with JobID \([0-9a-f]*\).*/\1/p' | tail -n1
}

# Cancels the job (REST: PATCH /jobs/ID) and waits until it is CANCELED, so its slots are free again.
cancel_job() {
  local job="$1"
  exec 3<>"/dev/tcp/127.0.0.1/$FLINK_REST_PORT" || die "no REST endpoint on port $FLINK_REST_PORT"
  printf 'PATCH /jobs/%s?mode=cancel HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n' "$job" >&3
  cat <&3 >/dev/null
  exec 3<&-
  for ((i = 0; i < 240; i++)); do
    [[ "$(job_state "$job")" == CANCELED ]] && return 0
    sleep 0.5
  done
  die "job $job was not canceled after 2 minutes"
}
