#!/usr/bin/env bash
# The engine issue's speed comparison, in one session: the C loop (reference/engine_omp.c) against
# `./losslab basins … --timing`, same work: a 512×512 map, 1000 steps, every start running every step
# (--tol 0), then with the default early stop (--tol 1e-8, LossLab only: the C loop has no
# convergence rule), for each surface × optimizer; each program's own compute time, median of RUNS
# (default 5), and the machine's load before and after. Then one Adam step over 10⁶ parameters:
# reference/adam_step.c against OptimizerStepsBenchmark.millionParameters (JMH).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/losslab-bench/target/reference"
runs="${RUNS:-5}"
mkdir -p "$out"
gcc -O3 -march=native -fno-math-errno -fopenmp -o "$out/engine_omp" "$here/engine_omp.c" -lm
gcc -O3 -march=native -fno-math-errno -o "$out/adam_step" "$here/adam_step.c" -lm
"$root/losslab" --version >/dev/null   # builds the jar when it is missing or stale

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
seconds() { sed -nE 's/.* ([0-9.]+) s( .*)?$/\1/p'; }

echo "load before: $(uptime)"
printf "%-26s %10s %10s %8s %14s\n" "surface optimizer lr" "C tol 0" "LossLab" "ratio" "LossLab 1e-8"
for case in "himmelblau gd 0.01 -5,5,-5,5" "himmelblau adam 0.05 -5,5,-5,5" "rosenbrock gd 0.0002 -2,2,-1,3" \
            "rosenbrock adam 0.01 -2,2,-1,3" "himmelblau momentum 0.002 -5,5,-5,5" "himmelblau rmsprop 0.01 -5,5,-5,5"; do
  read -r surface optimizer lr window <<<"$case"
  c=$(for _ in $(seq "$runs"); do "$out/engine_omp" "$surface" "$optimizer" 512 1000 "$lr" 2>&1 >/dev/null | seconds; done | median)
  basins=("$root/losslab" basins --surface "$surface" --optimizer "$optimizer" --lr "$lr" --steps 1000 --grid 512
          "--window=$window" --timing)
  j=$(for _ in $(seq "$runs"); do "${basins[@]}" --tol 0 2>&1 >/dev/null | seconds; done | median)
  e=$(for _ in $(seq "$runs"); do "${basins[@]}" 2>&1 >/dev/null | seconds; done | median)
  printf "%-26s %9ss %9ss %7.2fx %13ss\n" "$surface $optimizer $lr" "$c" "$j" "$(echo "$j / $c" | bc -l)" "$e"
done
typed="(x^2 + y - 11)^2 + (x + y^2 - 7)^2"
c=$(for _ in $(seq "$runs"); do "$out/engine_omp" himmelblau gd 512 1000 0.01 2>&1 >/dev/null | seconds; done | median)
j=$(for _ in $(seq "$runs"); do "$root/losslab" basins --surface "$typed" --optimizer gd --lr 0.01 --steps 1000 \
      --grid 512 --window=-5,5,-5,5 --tol 0 --timing 2>&1 >/dev/null | seconds; done | median)
printf "%-26s %9ss %9ss %7.2fx\n" "typed himmelblau gd 0.01" "$c" "$j" "$(echo "$j / $c" | bc -l)"
echo "load after: $(uptime)"

echo "Adam over 10^6 parameters, one thread:"
"$out/adam_step" 1000000 200 2>&1 >/dev/null
echo "  LossLab: java -jar losslab-bench/target/benchmarks.jar 'OptimizerSteps.millionParameters' -p optimizer=adam"
