#!/usr/bin/env bash
# Spark standalone check (README "Batch scoring with Apache Spark"): starts a Spark standalone master and two
# workers on 127.0.0.1 from the Maven jars (no Spark installation needed), submits SparkScoringJob to them as a
# real application with target/newsstance.jar and target/lib shipped to the executors, runs the same job in local
# mode on the same input, and requires every output to be equal row for row. It also requires that the
# application ran on 2 executors on 2 distinct workers, each of which scored partitions, so a silent fallback to
# local mode cannot pass.
#
# Needs: target/newsstance.jar and target/lib (mvn package), Maven (to list Spark's jars), python3, Java 17.
# Logs, outputs and evidence: target/spark-standalone/. Exit code 0 when all is equal, else 1.
# Environment: SPARK_STANDALONE_TIMEOUT (seconds per job run, default 420);
#   SPARK_STANDALONE_LOCAL_ARGS (extra job arguments for the local-mode run only, e.g. "--model models/frozen.zip":
#   a way to see the check fail; empty by default).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/spark-standalone
LOGS=$WORK/logs
TIMEOUT=${SPARK_STANDALONE_TIMEOUT:-420}
HELPER=(python3 -u "$ROOT/.ci/spark_standalone.py")
T0=$SECONDS

say() { echo "spark-standalone: $*"; }
counts() { grep -E '^read [0-9]+, scored [0-9]+, rejected [0-9]+$' "$1" | tail -n 1; }

for f in target/newsstance.jar target/lib; do
  [[ -e $f ]] || { say "$f is missing: build first (mvn -B package -DskipTests)" >&2; exit 1; }
done

# The --add-opens flags pom.xml's surefire argLine lists: the daemons, the driver and the executors get them.
OPENS=$(sed -n 's:.*<argLine>\(.*\)</argLine>.*:\1:p' pom.xml | tr ' ' '\n' | grep -E '^(--add-opens=|-Djdk\.reflect)' \
  | paste -sd' ')
[[ $OPENS == *--add-opens=java.base/sun.nio.ch=ALL-UNNAMED* ]] || { say "cannot read the --add-opens flags from pom.xml" >&2; exit 1; }

rm -rf "$WORK"
mkdir -p "$LOGS" "$WORK/events" "$WORK/input" "$WORK/home/jars" "$WORK/scratch"
# Spark's scratch space (shuffle files, fetched jars) for every JVM here, removed on exit.
export SPARK_LOCAL_DIRS=$WORK/scratch

# --------------------------------------------------------------------------------------------------- cleanup
PIDS=()   # every process this script started and has not seen end
# descendants PID: its child processes, grandchildren first (read from /proc: no procps needed).
descendants() {
  local f stat rest fields c
  for f in /proc/[0-9]*/stat; do
    { stat=$(<"$f"); } 2>/dev/null || continue
    rest=${stat##*) }   # after "pid (comm) ": state ppid ...
    read -r -a fields <<<"$rest"
    if [[ ${fields[1]:-} == "$1" ]]; then
      c=${f#/proc/}; c=${c%/stat}
      descendants "$c"
      echo "$c"
    fi
  done
}
# stop_pids PID...: TERM to each and its descendants (the workers' executors, timeout's java), KILL after 10 s.
stop_pids() {
  local p all=() keep=()
  for p in "$@"; do
    all+=($(descendants "$p") "$p")
  done
  ((${#all[@]})) || return 0
  kill "${all[@]}" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "${all[@]}" 2>/dev/null || break
    sleep 0.2
  done
  kill -9 "${all[@]}" 2>/dev/null || true
  for p in "${PIDS[@]}"; do [[ " $* " == *" $p "* ]] || keep+=("$p"); done
  PIDS=("${keep[@]}")
}
on_exit() {
  local rc=$?
  stop_pids "${PIDS[@]}"
  # The jars each executor fetched (360 MB apiece) and Spark's scratch space; the logs stay.
  rm -rf "$SPARK_LOCAL_DIRS" "$WORK"/worker*/app-*/*/*.jar
  if ((rc != 0)); then
    say "FAILED (exit $rc) after $((SECONDS - T0)) s; logs in $LOGS:" >&2
    for f in "$LOGS"/*.log "$WORK"/worker*/app-*/*/stderr; do
      [[ -f $f ]] || continue
      echo "----- tail of ${f#"$ROOT"/}" >&2
      tail -n 15 "$f" >&2
    done
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start_timed VAR LOG CMD...: runs CMD in the background under the timeout, its PID in VAR; wait_timed PID waits
# for it (a wait that a signal interrupts, so the traps run) and returns its exit code.
start_timed() {
  local var=$1 log=$2; shift 2
  timeout --kill-after=10 "$TIMEOUT" "$@" >"$log" 2>&1 &
  PIDS+=($!)
  printf -v "$var" %s $!
}
wait_timed() {
  local pid=$1 rc=0 keep=() p
  wait "$pid" || rc=$?
  for p in "${PIDS[@]}"; do [[ $p == "$pid" ]] || keep+=("$p"); done
  PIDS=("${keep[@]}")
  if ((rc == 124)); then say "timed out after $TIMEOUT s" >&2; fi
  return "$rc"
}

# ------------------------------------------------------------------------------- a Spark "distribution" from Maven
# Spark's own jars, as a Spark installation's jars/ holds them: spark-core and spark-sql resolved with exactly the
# versions this project resolves (a throwaway pom whose dependencyManagement pins every artifact of the project's
# test classpath), linked into $WORK/home/jars. The standalone worker builds each executor's classpath from
# SPARK_HOME/jars, so the executors get Spark and nothing of newsstance but what the application ships.
say "listing Spark's jars with Maven"
DEP=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
mvn -B -q $DEP:list -DincludeScope=test -DoutputFile="$WORK/project-deps.txt" >"$LOGS/maven.log" 2>&1
mkdir -p "$WORK/spark-pom"
{
  echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
  echo '<groupId>local</groupId><artifactId>spark-dist</artifactId><version>1</version><packaging>pom</packaging>'
  echo '<dependencyManagement><dependencies>'
  awk '/^   [^ ]+:[^ ]+/ { n = split($1, f, ":"); c = (n == 6 ? f[4] : ""); v = (n == 6 ? f[5] : f[4]);
         printf "<dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version><type>%s</type>%s</dependency>\n",
           f[1], f[2], v, f[3], (c == "" ? "" : "<classifier>" c "</classifier>") }' "$WORK/project-deps.txt"
  echo '</dependencies></dependencyManagement><dependencies>'
  for a in spark-core_2.12 spark-sql_2.12; do
    echo "<dependency><groupId>org.apache.spark</groupId><artifactId>$a</artifactId></dependency>"
  done
  echo '</dependencies></project>'
} >"$WORK/spark-pom/pom.xml"
mvn -B -q -f "$WORK/spark-pom/pom.xml" $DEP:build-classpath -Dmdep.outputFile="$WORK/spark-cp.txt" >>"$LOGS/maven.log" 2>&1
tr ':' '\n' <"$WORK/spark-cp.txt" | while read -r jar; do ln -s "$jar" "$WORK/home/jars/"; done
NJARS=$(ls "$WORK/home/jars" | wc -l)
ls "$WORK/home/jars" | grep -q '^spark-core_2.12-.*\.jar$' || { say "no spark-core jar in $WORK/home/jars" >&2; exit 1; }
say "$NJARS Spark jars in $WORK/home/jars"

export SPARK_HOME=$WORK/home SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1 OMP_NUM_THREADS=1
SPARK_CP="$SPARK_HOME/jars/*"

# ---------------------------------------------------------------------------------------------------- input
# The sample feed plus bad records (so rejects/ is not empty), in 6 partitions so that both executors get work.
INPUT=$WORK/input/feed.jsonl
{
  cat training-data/articles/sample-feed.jsonl
  echo '{"id": "bad-blank", "title": "Blank", "text": "   "}'
  echo '{"id": "bad-number", "text": 42}'
  echo '{"id": "bad-json", "text": "Moscow said it would'
} >"$INPUT"
JOB_ARGS=(--input "$INPUT" --output-format jsonl --partitions 6)

# --------------------------------------------------------------------------------------------------- cluster
mapfile -t PORT < <("${HELPER[@]}" ports 6)
((${#PORT[@]} == 6)) || { say "cannot find free ports" >&2; exit 1; }
MASTER=spark://127.0.0.1:${PORT[0]}
MASTER_UI=http://127.0.0.1:${PORT[1]}
DAEMON=(java -Xmx256m $OPENS -cp "$SPARK_CP")
say "starting master $MASTER (web UI $MASTER_UI) and 2 workers (1 core, 1536 MB each)"
T_CLUSTER=$SECONDS
"${DAEMON[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "${PORT[0]}" \
  --webui-port "${PORT[1]}" >"$LOGS/master.log" 2>&1 &
CLUSTER=($!)
WORKER_UIS=()
for i in 1 2; do
  port=${PORT[$((2 * i))]} ui=${PORT[$((2 * i + 1))]}
  mkdir -p "$WORK/worker$i"
  "${DAEMON[@]}" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port "$port" --webui-port "$ui" \
    --cores 1 --memory 1536m --work-dir "$WORK/worker$i" "$MASTER" >"$LOGS/worker$i.log" 2>&1 &
  CLUSTER+=($!)
  WORKER_UIS+=("http://127.0.0.1:$ui/json/")
done
PIDS+=("${CLUSTER[@]}")
"${HELPER[@]}" wait-workers "$MASTER_UI/json/" 2 90
CLUSTER_S=$((SECONDS - T_CLUSTER))

# ---------------------------------------------------------------------------------------- the standalone run
# A real application: SparkSubmit in client mode (the driver in this JVM), the application jar and target/lib
# shipped with --jars (README's cluster recipe), one 1-core executor per worker. The scheduler waits until both
# executors are registered before it runs the first job.
say "submitting the job to $MASTER"
T_STANDALONE=$SECONDS
start_timed DRIVER_PID "$LOGS/driver-standalone.log" java -Xmx1g $OPENS -cp "$SPARK_CP" org.apache.spark.deploy.SparkSubmit \
  --master "$MASTER" --deploy-mode client --name newsstance-standalone-check \
  --class io.newsstance.batch.SparkScoringJob \
  --jars "$(ls "$ROOT"/target/lib/*.jar | paste -sd,)" \
  --executor-cores 1 --executor-memory 1g --total-executor-cores 2 \
  --conf "spark.executor.extraJavaOptions=$OPENS" \
  --conf spark.executorEnv.OMP_NUM_THREADS=1 --conf spark.executorEnv.SPARK_LOCAL_IP=127.0.0.1 \
  --conf spark.driver.host=127.0.0.1 --conf spark.ui.enabled=false \
  --conf spark.scheduler.minRegisteredResourcesRatio=1.0 --conf spark.scheduler.maxRegisteredResourcesWaitingTime=120s \
  --conf spark.eventLog.enabled=true --conf "spark.eventLog.dir=file://$WORK/events" \
  --conf spark.eventLog.logBlockUpdates.enabled=true \
  "$ROOT/target/newsstance.jar" "${JOB_ARGS[@]}" --output "$WORK/out-standalone"
wait_timed "$DRIVER_PID"
STANDALONE_S=$((SECONDS - T_STANDALONE))
say "standalone run: $(counts "$LOGS/driver-standalone.log") in $STANDALONE_S s"

"${HELPER[@]}" evidence "$MASTER_UI/json/" "$WORK/events" "$MASTER" "$WORK/evidence.json" "${WORKER_UIS[@]}" 2>&1 \
  | tee "$WORK/evidence.txt"
EXECUTORS=$(tail -n 1 "$WORK/evidence.txt")
stop_pids "${CLUSTER[@]}"
say "cluster stopped"

# --------------------------------------------------------------------------------------------- the local run
# The reference: the same job on the same input in local mode, in one JVM (README's plain-java recipe).
say "running the job in local mode"
T_LOCAL=$SECONDS
# shellcheck disable=SC2086
start_timed LOCAL_PID "$LOGS/driver-local.log" java -Xmx2g $OPENS -Dspark.master='local[2]' -Dspark.ui.enabled=false \
  -cp "$ROOT/target/newsstance.jar:$ROOT/target/lib/*:$SPARK_CP" io.newsstance.batch.SparkScoringJob \
  "${JOB_ARGS[@]}" --output "$WORK/out-local" ${SPARK_STANDALONE_LOCAL_ARGS:-}
wait_timed "$LOCAL_PID"
LOCAL_S=$((SECONDS - T_LOCAL))
say "local run: $(counts "$LOGS/driver-local.log") in $LOCAL_S s"

# ---------------------------------------------------------------------------------------------- the compare
"${HELPER[@]}" compare "$WORK/out-local" "$WORK/out-standalone" 2>&1 | tee "$WORK/compare.txt"

say "OK in $((SECONDS - T0)) s (cluster start $CLUSTER_S s, standalone job $STANDALONE_S s, local job $LOCAL_S s); $EXECUTORS"
