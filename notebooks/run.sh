#!/usr/bin/env bash
# Executes notebooks headless, in place, so the committed .ipynb files carry their outputs (charts as PNG).
#
#   bash notebooks/run.sh                       # every notebooks/[0-9]*.ipynb, in name order
#   bash notebooks/run.sh 02-evaluation.ipynb   # just these (paths relative to notebooks/)
#
# Needs `bash notebooks/setup.sh` first. Exits non-zero if any cell of any notebook fails; a failed notebook is
# left as it was. Each notebook runs with notebooks/ as its working directory.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -f kernel/java/rapaio-jupyter-kernel-3.0.1.jar ] || [ ! -d .lib/deps ] || [ ! -e .lib/jupyter/kernels ] \
        || [ ! -d ../target/classes ] || ! command -v jupyter-nbconvert >/dev/null 2>&1; then
    echo "notebooks/run.sh: not set up; run: bash notebooks/setup.sh" >&2
    exit 2
fi
# The kernel spec (kernel/java, reached through .lib/jupyter/kernels) and ready_manager.py, which works around
# the kernel's start-up races (see that file).
export JUPYTER_PATH="$PWD/.lib/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export PYTHONPATH="$PWD/kernel${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONDONTWRITEBYTECODE=1   # no kernel/__pycache__ in the working tree

if [ $# -gt 0 ]; then
    notebooks=("$@")
else
    shopt -s nullglob
    notebooks=([0-9]*.ipynb)
fi
if [ ${#notebooks[@]} -eq 0 ]; then
    echo "notebooks/run.sh: no notebooks" >&2
    exit 2
fi

# Cells that only hold %jars / %classpath print one line per jar with this machine's absolute paths: drop
# those outputs, so a re-run changes only what the analysis cells print and draw.
strip_classpath_output() {
    python3 - "$1" <<'PY'
import json, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    nb = json.load(f)
for cell in nb["cells"]:
    lines = [l.strip() for l in "".join(cell.get("source", "")).splitlines() if l.strip()]
    if cell["cell_type"] == "code" and lines and all(l.startswith(("%jars", "%classpath")) for l in lines):
        cell["outputs"] = []
with open(path, "w", encoding="utf-8") as f:
    f.write(json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n")
PY
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed=0
for nb in "${notebooks[@]}"; do
    start=$SECONDS
    for attempt in 1 2 3 4; do
        # No per-cell timing metadata (record_timing): re-running only changes cell outputs.
        if jupyter-nbconvert --to notebook --execute --inplace \
                --ExecutePreprocessor.kernel_name=java \
                --ExecutePreprocessor.kernel_manager_class=ready_manager.ReadyKernelManager \
                --ExecutePreprocessor.startup_timeout=20 \
                --ExecutePreprocessor.timeout=900 \
                --ExecutePreprocessor.record_timing=False \
                "$nb" >"$log" 2>&1; then
            strip_classpath_output "$nb"
            echo "ok      $nb ($((SECONDS - start)) s)"
            continue 2
        fi
        # A kernel that never answered (a start-up race of rapaio-jupyter-kernel 3.0.1, see
        # kernel/ready_manager.py) is started again; a failing cell is not retried.
        if ! grep -qE "Kernel didn't respond|Kernel died before replying|kernel exited during start-up|did not listen on port" "$log"; then
            break
        fi
        echo "retry   $nb: the kernel did not answer (attempt $attempt)"
    done
    echo "FAILED  $nb ($((SECONDS - start)) s)"
    if grep -q "An error occurred while executing the following cell" "$log"; then
        # nbconvert's report: the failing cell's source and the kernel's error (without the kernel's own log).
        sed -n '/An error occurred while executing the following cell/,$p' "$log" \
            | grep -vE '^\[[0-9-]+ [0-9:]+\] \[(INFO|FINE)' | head -n 80 >&2
    else
        grep -vE '^\[[0-9-]+ [0-9:]+\] \[(INFO|FINE)|^  "|^\}|^\s+File "|^\s+\^+$' "$log" | tail -n 30 >&2
    fi
    failed=1
done
exit $failed
