#!/usr/bin/env bash
# The maps issue's speed comparison, all three in one session: the C loop, NumPy, and ./losslab basins
# on the 512×512 Himmelblau gradient-descent basin map. Whole-process times by hyperfine (or
# /usr/bin/time when it is missing), then each program's own compute time (what it prints on stderr),
# with the machine's load before and after. RUNS=20 for more runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/losslab-bench/target/reference"
runs="${RUNS:-10}"
mkdir -p "$out"

gcc -O3 -march=native -fopenmp -o "$out/basins_omp" "$here/basins_omp.c" -lm
/usr/bin/python3 -c 'import numpy' 2>/dev/null || { echo "needs NumPy: apt-get install python3-numpy" >&2; exit 1; }
"$root/losslab" --version >/dev/null   # builds the jar and its AOT cache when they are missing or stale

c=("$out/basins_omp" 512 1000 0.01)
numpy=(/usr/bin/python3 "$here/basins_numpy.py" 512 1000 0.01)
losslab=("$root/losslab" basins --surface himmelblau --optimizer gd --lr 0.01 --steps 1000 --grid 512 --window=-5,5,-5,5)

echo "load before: $(uptime)"
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 2 --runs "$runs" -n C "${c[*]}" -n NumPy "${numpy[*]}" -n LossLab "${losslab[*]}"
else
  for name in c numpy losslab; do
    declare -n cmd="$name"
    for _ in $(seq "$runs"); do /usr/bin/time -f "$name %e s" "${cmd[@]}" >/dev/null; done
  done
fi

echo "compute only (median of $runs, each program timing itself):"
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
for name in c numpy losslab; do
  declare -n cmd="$name"
  extra=()
  [ "$name" = losslab ] && extra=(--timing)
  for _ in $(seq "$runs"); do
    "${cmd[@]}" ${extra[@]+"${extra[@]}"} 2>&1 >/dev/null | sed -nE 's/.* ([0-9.]+) s( .*)?$/\1/p'
  done | median | xargs printf "  %-8s %s s\n" "$name"
done
echo "load after: $(uptime)"
