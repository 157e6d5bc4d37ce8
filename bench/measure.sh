# Sourced by the benchmark scripts: times a whole command.
#   measure LABEL COMMAND [ARG...]   runs it RUNS times (default 11), drops the first 2 (disk caches,
#                                    first JIT), prints the median of the others and the peak resident
#                                    memory (/usr/bin/time, 10 ms resolution)
measure() {
    local label="$1"; shift
    local runs="${RUNS:-11}" times=() peak=0
    for run in $(seq 1 "$runs"); do
        local line
        line="$( { /usr/bin/time -f '%e %M' "$@" >/dev/null; } 2>&1 | tail -1)"
        if (( run > 2 )); then
            times+=("${line% *}")
            (( ${line#* } > peak )) && peak="${line#* }"
        fi
    done
    local median
    median="$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (${#times[@]} + 1) / 2 ))p")"
    printf '%-62s median %6.0f ms   peak RSS %4d MB\n' "$label" "$(echo "$median * 1000" | bc)" "$(( peak / 1024 ))"
}
