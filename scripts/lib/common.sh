# shellcheck shell=bash
# Shared by the scripts in scripts/: paths, ports, the build, the classpaths of the local services, how to launch Java.
# Sourced, not run. Everything a script starts keeps its PID and log under $RUN_DIR (git-ignored).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck disable=SC2034 # RUN_DIR is for the scripts that source this file
RUN_DIR="${BRANDPULSE_RUN_DIR:-$ROOT/.run}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
FLINK_REST_PORT="${FLINK_REST_PORT:-8081}"
FLINK_RPC_PORT="${FLINK_RPC_PORT:-6123}"
# The job alone, what data engineers submit; and every command-line tool (with the job's and common's classes).
# Neither bundles Flink: both run on the local Flink classpath below.
JOB_JAR="$ROOT/jobs/target/brandpulse-jobs.jar"
TOOLS_JAR="$ROOT/tools/target/brandpulse-tools.jar"
KAFKA_CLASSPATH_FILE="$ROOT/scripts/runtime/kafka-broker/target/classpath.txt"
FLINK_CLASSPATH_FILE="$ROOT/scripts/runtime/flink-cluster/target/classpath.txt"
LOG4J_CLI="$ROOT/scripts/runtime/log4j2-cli.properties"

# The Java 17 module openings Flink's own default configuration passes to every Flink JVM (env.java.opts.all).
FLINK_JVM_OPENS=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

die() { echo "error: $*" >&2; exit 1; }
info() { echo "$*" >&2; }

# Builds what the scripts run (the job jar, the tools jar and the service classpaths) when it is missing.
ensure_built() {
  if [[ ! -f "$JOB_JAR" || ! -f "$TOOLS_JAR" || ! -f "$KAFKA_CLASSPATH_FILE" || ! -f "$FLINK_CLASSPATH_FILE" ]]; then
    info "building (first run: Maven downloads dependencies, this takes a few minutes)..."
    (cd "$ROOT" && mvn -B -q -DskipTests package) >&2 || die "build failed: run 'mvn -B -DskipTests package' to see why"
  fi
}

kafka_classpath() { ensure_built; cat "$KAFKA_CLASSPATH_FILE"; }
flink_classpath() { ensure_built; cat "$FLINK_CLASSPATH_FILE"; }

# Launches a Java main the way every script does: on the local Flink classpath (our jars do not bundle Flink), with
# the module openings Flink needs on Java 17, quiet logging (log4j2-cli.properties) and $JAVA_OPTS (after the heap,
# so they may override it). Builds first when needed. It replaces the shell (exec), as if the script ran java
# itself: call it inside ( ) to go on afterwards, or to run it in the background with $! the JVM's PID.
#
# usage: run_java [--jar tools|job|none|FILE] [--heap SIZE] [--resources-first] MAIN [ARGS...]
#   --jar tools        the tools jar (default): every command-line tool, plus the job's and common's classes
#   --jar job          the job jar: the job's own mains (io.brandpulse.jobs.listening.ListeningJob, RunFileJob)
#   --jar none         the Flink classpath alone: Flink's own mains (its CliFrontend)
#   --jar FILE         another job jar (scripts/chaos upgrade runs the previous release's RunFileJob)
#   --heap SIZE        -XmxSIZE (default: the JVM's own)
#   --resources-first  common/src/main/resources and tools/src/main/resources ahead of everything: a model file
#                      just written by scripts/train-sentiment, an edited cues.tsv or neutral-posts.tsv is the one
#                      loaded, not the copy inside the jar
#   --pin CPUS         run on these cores only (taskset -c CPUS): benchmarks that compare parallelisms
run_java() {
  local jar="$TOOLS_JAR" heap="" resources="" classpath java_opts=() jvm=("${FLINK_JVM_OPENS[@]}") pin=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --jar)
        case "${2:-}" in
          tools) jar="$TOOLS_JAR" ;;
          job) jar="$JOB_JAR" ;;
          none) jar="" ;;
          *) [[ -f "${2:-}" ]] || die "run_java: --jar tools|job|none|FILE, not '${2:-}'"; jar="$2" ;;
        esac
        shift 2 ;;
      --heap) heap="${2:?run_java: --heap SIZE}"; shift 2 ;;
      --resources-first) resources="$ROOT/common/src/main/resources:$ROOT/tools/src/main/resources"; shift ;;
      --pin) pin=(taskset -c "${2:?run_java: --pin CPUS}"); shift 2 ;;
      -*) die "run_java: unknown option $1" ;;
      *) break ;;
    esac
  done
  [[ $# -gt 0 ]] || die "run_java: no main class"
  ensure_built
  classpath="$(flink_classpath)" || die "no Flink classpath at $FLINK_CLASSPATH_FILE"
  if [[ -n "$resources" ]]; then classpath="$resources:$classpath"; fi
  if [[ -n "$jar" ]]; then classpath="$classpath:$jar"; fi
  if [[ -n "$heap" ]]; then jvm+=("-Xmx$heap"); fi
  # JAVA_OPTS is a list of words (e.g. "-Xmx8g -Dbench.repeat=2"), split on whitespace on purpose, never globbed.
  read -r -a java_opts <<< "${JAVA_OPTS:-}"
  exec ${pin[@]+"${pin[@]}"} java "${jvm[@]}" ${java_opts[@]+"${java_opts[@]}"} -Dlog4j.configurationFile="$LOG4J_CLI" -cp "$classpath" "$@"
}

# Whether a command line asks for help: -h or --help anywhere before a lone -- (after it, arguments belong to the job).
wants_help() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      --) return 1 ;;
      -h|--help) return 0 ;;
    esac
  done
  return 1
}

# Whether the arguments after the first one contain it, e.g. has_arg --config "$@".
has_arg() {
  local want="$1" arg
  shift
  for arg in "$@"; do [[ "$arg" == "$want" ]] && return 0; done
  return 1
}

# Is a PID file's process alive?
alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Waits until a TCP port on 127.0.0.1 accepts connections, at most SECONDS (default 60): wait_for_port PORT [SECONDS]
wait_for_port() {
  local port="$1" seconds="${2:-60}"
  for ((i = 0; i < seconds * 4; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.25
  done
  return 1
}

# GET http://127.0.0.1:PORT/PATH and print the body, with bash alone (curl may not be installed).
http_get() {
  local port="$1" path="$2"
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
  sed '1,/^\r\{0,1\}$/d' <&3
  exec 3<&-
}

# POST a JSON body to http://127.0.0.1:PORT/PATH and print the response body (bash alone, like http_get).
http_post() {
  local port="$1" path="$2" body="$3"
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'POST %s HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
    "$path" "${#body}" "$body" >&3
  sed '1,/^\r\{0,1\}$/d' <&3
  exec 3<&-
}

# Stops a process from its PID file: TERM, then KILL after a grace period.
stop_pid() {
  local pidfile="$1" name="$2"
  if alive "$pidfile"; then
    local pid; pid="$(cat "$pidfile")"
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    info "$name stopped"
  fi
  rm -f "$pidfile"
}
