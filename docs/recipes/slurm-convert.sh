#!/bin/bash
# newsconv over an archive as a Slurm job array: each array task converts its shard.
#   ARCHIVE=/shared/archive sbatch slurm-convert.sh
#   newsconv report merge "$ARCHIVE"/reports/shard-*.json -o "$ARCHIVE/report.json"   # once all are done
# Exit 1 (some articles failed, listed in the shard's report) counts as done; anything else fails the
# task, and resubmitting the array redoes only what is missing (--skip-existing).
#SBATCH --job-name=newsconv
#SBATCH --array=0-15
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=04:00:00
#SBATCH --output=newsconv-%A_%a.log
set -u
: "${ARCHIVE:?set ARCHIVE to the folder holding in/}"
shard=$((SLURM_ARRAY_TASK_ID - ${SLURM_ARRAY_TASK_MIN:-0} + 1))
mkdir -p "$ARCHIVE/reports"
newsconv convert "$ARCHIVE/in" --to pdf,docx,html -O "$ARCHIVE/out" -j "${SLURM_CPUS_PER_TASK:-1}" -q \
    --skip-existing --shard "$shard/$SLURM_ARRAY_TASK_COUNT" --report "$ARCHIVE/reports/shard-$shard.json"
code=$?
[ "$code" -le 1 ]
