#!/usr/bin/env python3
"""Helpers for .ci/spark-standalone.sh (standard library only).

  ports N                      print N free TCP ports on 127.0.0.1, one per line
  wait-workers URL N SECS      wait until the master's JSON at URL lists N ALIVE workers
  evidence MASTER_JSON_URL EVENT_LOG_DIR MASTER_URL OUT_JSON WORKER_JSON_URL...
                               check that the application ran on N executors on N distinct workers, print
                               what each executor did, write the facts to OUT_JSON
  compare EXPECTED_DIR ACTUAL_DIR
                               compare two job output directories row for row (every entry, generically)
"""
import json
import os
import socket
import sys
import time
import urllib.request
from collections import Counter, defaultdict

# Fields of top-level JSON files (_counts.json) that measure the run rather than describe its output.
VOLATILE_FIELDS = {"seconds"}
# How many differing rows to print per output.
SHOW = 5


def fail(message):
    print("spark-standalone: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def fetch_json(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return json.load(r)


def daemon_json(url):
    try:
        return fetch_json(url)
    except Exception as e:
        fail(f"cannot read {url}: {e}")


# ------------------------------------------------------------------------------------------------ ports

def ports(n):
    socks = []
    try:
        for _ in range(n):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        for s in socks:
            print(s.getsockname()[1])
    finally:
        for s in socks:
            s.close()


# ----------------------------------------------------------------------------------------- wait-workers

def wait_workers(url, n, seconds):
    deadline = time.time() + seconds
    last = "no answer"
    while time.time() < deadline:
        try:
            state = fetch_json(url, timeout=2)
            alive = [w for w in state.get("workers", []) if w.get("state") == "ALIVE"]
            if len(alive) >= n:
                print(f"master {state.get('url')}: {len(alive)} workers ALIVE "
                      f"({', '.join(w['host'] + ':' + str(w['port']) + ' ' + str(w['cores']) + ' core(s)' for w in alive)})")
                return
            last = f"{len(alive)} of {n} workers ALIVE"
        except Exception as e:  # not up yet
            last = str(e)
        time.sleep(0.5)
    fail(f"the master at {url} did not list {n} ALIVE workers within {seconds} s ({last})")


# --------------------------------------------------------------------------------------------- evidence

def read_event_log(directory):
    files = [os.path.join(directory, f) for f in os.listdir(directory) if not f.startswith(".")]
    if len(files) != 1:
        fail(f"expected one event log in {directory}, found {sorted(files)}")
    path = files[0]
    if path.endswith(".inprogress"):
        fail(f"the event log {path} is still in progress: the application did not stop cleanly")
    with open(path, encoding="utf-8") as f:
        return path, [json.loads(line) for line in f if line.strip()]


def evidence(master_json_url, event_dir, master_url, out_json, worker_json_urls):
    log_path, events = read_event_log(event_dir)
    app = next((e for e in events if e["Event"] == "SparkListenerApplicationStart"), None)
    if app is None:
        fail(f"no application start in {log_path}")
    app_id = app["App ID"]
    env = next((e for e in events if e["Event"] == "SparkListenerEnvironmentUpdate"), {})
    spark_props = dict(env.get("Spark Properties", []))
    if isinstance(env.get("Spark Properties"), dict):
        spark_props = env["Spark Properties"]
    if spark_props.get("spark.master") != master_url:
        fail(f"the application ran on master {spark_props.get('spark.master')!r}, not {master_url!r}")

    executors = {}
    for e in events:
        if e["Event"] == "SparkListenerExecutorAdded":
            info = e["Executor Info"]
            executors[e["Executor ID"]] = {"host": info.get("Host"), "cores": info.get("Total Cores"),
                                           "log_urls": info.get("Log Urls", {})}
    tasks = Counter()
    failed_tasks = []
    for e in events:
        if e["Event"] == "SparkListenerTaskEnd":
            tasks[e["Task Info"]["Executor ID"]] += 1
            if e["Task End Reason"]["Reason"] != "Success":
                failed_tasks.append(e["Task End Reason"])
    # The scored partitions are persisted: a block rdd_<id>_<partition> stored on an executor means that executor
    # computed (scored) that partition.
    scored = defaultdict(set)
    for e in events:
        if e["Event"] == "SparkListenerBlockUpdated":
            b = e["Block Updated Info"]
            level = b.get("Storage Level", {})
            if b["Block ID"].startswith("rdd_") and (level.get("Use Memory") or level.get("Use Disk")):
                scored[b["Block Manager ID"]["Executor ID"]].add(b["Block ID"])

    master = daemon_json(master_json_url)
    alive = [w for w in master.get("workers", []) if w.get("state") == "ALIVE"]
    apps = [a for a in master.get("completedapps", []) + master.get("activeapps", []) if a.get("id") == app_id]
    if not apps:
        fail(f"the master at {master_json_url} does not know application {app_id}")

    # Each worker's own JSON lists the executors it launched (running, then finished).
    on_worker = {}
    for url in worker_json_urls:
        w = daemon_json(url)
        for ex in w.get("executors", []) + w.get("finishedexecutors", []):
            if ex.get("appid") == app_id:
                on_worker[str(ex["id"])] = w["id"]

    print(f"application {app_id} ({apps[0].get('state')}) on {master_url}: {len(alive)} workers, "
          f"{len(executors)} executors; event log {log_path}")
    for ex_id in sorted(executors, key=str):
        print(f"  executor {ex_id} on {on_worker.get(ex_id, '?')}: {tasks[ex_id]} tasks, "
              f"{len(scored[ex_id])} scored partitions cached ({', '.join(sorted(scored[ex_id])) or 'none'})")
    if tasks.get("driver"):
        print(f"  driver: {tasks['driver']} tasks")

    problems = []
    if len(alive) != 2:
        problems.append(f"{len(alive)} ALIVE workers, expected 2")
    if len(executors) != 2:
        problems.append(f"{len(executors)} executors were added, expected 2")
    if "driver" in tasks:
        problems.append("tasks ran on the driver (local mode?)")
    workers_used = {on_worker.get(x) for x in executors}
    if None in workers_used or len(workers_used) != 2:
        problems.append(f"the executors did not run on 2 distinct workers: {on_worker}")
    for x in executors:
        if tasks[x] == 0:
            problems.append(f"executor {x} ran no task")
        if not scored[x]:
            problems.append(f"executor {x} scored no partition")
    if failed_tasks:
        problems.append(f"{len(failed_tasks)} task(s) failed, e.g. {failed_tasks[0]}")
    facts = {"app_id": app_id, "master": master_url, "workers_alive": len(alive),
             "executors": {x: {"worker": on_worker.get(x), "tasks": tasks[x],
                               "scored_partitions": sorted(scored[x])} for x in executors}}
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(facts, f, indent=2)
    if problems:
        fail("; ".join(problems))
    print(f"executors: {len(executors)} on {len(workers_used)} workers ("
          + ", ".join(f"executor {x}: {tasks[x]} tasks, {len(scored[x])} scored partitions"
                      for x in sorted(executors, key=str)) + ")")


# ---------------------------------------------------------------------------------------------- compare

def canonical(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def entries(directory):
    """Every output entry of a job directory: hidden files (.crc, .part-*.crc) and _SUCCESS markers are not output."""
    return {n for n in os.listdir(directory) if not n.startswith(".") and n != "_SUCCESS"}


def dir_rows(path):
    """The rows of an output directory: every JSON line of every part file, as canonical JSON strings."""
    rows = []
    for name in sorted(os.listdir(path)):
        full = os.path.join(path, name)
        if name.startswith(".") or name == "_SUCCESS":
            continue
        if os.path.isdir(full) or not name.startswith("part-"):
            fail(f"{full}: unexpected entry in an output directory (nested or not a part file)")
        if not name.endswith(".json"):
            fail(f"{full}: not a JSON Lines part file; run the job with --output-format jsonl")
        with open(full, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    try:
                        rows.append(canonical(json.loads(line)))
                    except ValueError as e:
                        fail(f"{full}:{n}: not JSON: {e}")
    return rows


def abbreviate(text, n=240):
    return text if len(text) <= n else text[:n] + "…"


def row_diffs(only_e, only_a):
    """The first SHOW rows only in local mode, each next to the standalone-only row that shares most field values
    with it (its counterpart, when only some values differ) and the fields that differ; then standalone-only rows
    left without a counterpart."""
    lines = []
    rows_a = [json.loads(r) for r in only_a]
    used = set()
    for text in only_e[:SHOW]:
        row = json.loads(text)
        best, best_same = None, 0
        if isinstance(row, dict):
            for j, other in enumerate(rows_a):
                if j in used or not isinstance(other, dict):
                    continue
                same = sum(1 for k in row if k in other and canonical(row[k]) == canonical(other[k]))
                if same > best_same:
                    best, best_same = j, same
        lines.append(f"  - local:      {abbreviate(text)}")
        if best is None:
            lines.append("    (no row like it on the cluster)")
            continue
        used.add(best)
        other = rows_a[best]
        fields = sorted(set(row) | set(other))
        diffs = [f"{k}: {abbreviate(canonical(row.get(k)), 80)} (local) vs {abbreviate(canonical(other.get(k)), 80)}"
                 f" (standalone)" for k in fields if canonical(row.get(k)) != canonical(other.get(k))]
        lines.append(f"  + standalone: {abbreviate(only_a[best])}")
        lines.append("    differs in " + "; ".join(diffs))
    rest = [only_a[j] for j in range(len(only_a)) if j not in used]
    for text in rest[:max(0, SHOW - len(used))] if len(only_e) == 0 else []:
        lines.append(f"  + standalone: {abbreviate(text)}")
    return lines


def file_value(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".json"):
        value = json.loads(text)
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if k not in VOLATILE_FIELDS}
        return canonical(value)
    return text


def compare(expected_dir, actual_dir):
    names_e, names_a = entries(expected_dir), entries(actual_dir)
    mismatches = []
    if names_e != names_a:
        mismatches.append(f"outputs differ: only in {expected_dir}: {sorted(names_e - names_a)}; "
                          f"only in {actual_dir}: {sorted(names_a - names_e)}")
    summary = []
    total = 0
    for name in sorted(names_e & names_a):
        e_path, a_path = os.path.join(expected_dir, name), os.path.join(actual_dir, name)
        if os.path.isdir(e_path) != os.path.isdir(a_path):
            mismatches.append(f"{name}: a directory in one run, a file in the other")
            continue
        if not os.path.isdir(e_path):
            e, a = file_value(e_path), file_value(a_path)
            if e != a:
                mismatches.append(f"{name} differs (ignoring {sorted(VOLATILE_FIELDS)}):\n  local:      {e}\n"
                                  f"  standalone: {a}")
            summary.append(f"{name}: equal" if e == a else f"{name}: DIFFERENT")
            continue
        e_rows, a_rows = Counter(dir_rows(e_path)), Counter(dir_rows(a_path))
        n_e, n_a = sum(e_rows.values()), sum(a_rows.values())
        total += n_e
        if e_rows == a_rows:
            summary.append(f"{name}/: {n_e} rows equal")
            continue
        only_e = sorted((e_rows - a_rows).elements())
        only_a = sorted((a_rows - e_rows).elements())
        summary.append(f"{name}/: DIFFERENT ({n_e} rows local, {n_a} standalone; {len(only_e)} only local, "
                       f"{len(only_a)} only standalone)")
        lines = [f"{name}/: {n_e} rows in local mode, {n_a} on the cluster; {len(only_e)} rows only in local mode, "
                 f"{len(only_a)} only on the cluster. First differences:"]
        lines += row_diffs(only_e, only_a)
        mismatches.append("\n".join(lines))
    print("compared " + expected_dir + " (local) with " + actual_dir + " (standalone):")
    for s in summary:
        print("  " + s)
    if mismatches:
        print("\n".join(mismatches), file=sys.stderr)
        fail(f"{len(mismatches)} output(s) differ between local mode and the standalone cluster")
    if total == 0:
        fail("no rows at all: nothing was compared")
    print(f"all {len(summary)} outputs equal ({total} rows)")


def main(argv):
    if len(argv) < 2:
        fail(__doc__)
    cmd, args = argv[1], argv[2:]
    if cmd == "ports" and len(args) == 1:
        ports(int(args[0]))
    elif cmd == "wait-workers" and len(args) == 3:
        wait_workers(args[0], int(args[1]), float(args[2]))
    elif cmd == "evidence" and len(args) >= 5:
        evidence(args[0], args[1], args[2], args[3], args[4:])
    elif cmd == "compare" and len(args) == 2:
        compare(args[0], args[1])
    else:
        fail(__doc__)


if __name__ == "__main__":
    main(sys.argv)
