#!/usr/bin/env bash
# A real print server for the printing tests: CUPS with a PDF printer named HuiyinPDF.
#
# Idempotent: installs what is missing (Debian packages cups, printer-driver-cups-pdf,
# poppler-utils), points cups-pdf's output at $HUIYIN_CUPS_PDF_OUT, starts cupsd when it
# is not running (no systemd needed), adds the HuiyinPDF queue, makes it the default and
# waits until it is idle. Needs root (apt-get, /etc/cups). Prints the output folder last.
set -euo pipefail

OUT_DIR="${HUIYIN_CUPS_PDF_OUT:-/var/spool/cups-pdf-huiyin}"
QUEUE="${HUIYIN_CUPS_QUEUE:-HuiyinPDF}"
CONF=/etc/cups/cups-pdf.conf

say() { echo "cups_setup: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi

missing=()
command -v cupsd >/dev/null 2>&1 || missing+=(cups)
command -v lpadmin >/dev/null 2>&1 || missing+=(cups-client)
[ -f "$CONF" ] || missing+=(printer-driver-cups-pdf)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >&2 \
        || { $SUDO apt-get update >&2 && $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >&2; }
fi

# cups-pdf: every job lands in one known folder, named job_<id>-<title>.pdf.
set_key() {
    local key="$1" value="$2"
    if grep -qE "^${key}[[:space:]]" "$CONF"; then
        $SUDO sed -i -E "s|^${key}[[:space:]].*|${key} ${value}|" "$CONF"
    else
        echo "${key} ${value}" | $SUDO tee -a "$CONF" >/dev/null
    fi
}
$SUDO mkdir -p "$OUT_DIR"
$SUDO chmod 1777 "$OUT_DIR"
# The folder is the test printer's paper tray: empty it, so a job number from an earlier
# CUPS installation cannot be mistaken for a new job's output.
$SUDO find "$OUT_DIR" -maxdepth 1 -name '*.pdf' -delete
set_key Out "$OUT_DIR"
set_key AnonDirName "$OUT_DIR"
set_key Label 1
set_key UserUMask 0000
set_key AnonUMask 0000

# cupsd: start it when nobody answers.
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    say "starting cupsd"
    $SUDO mkdir -p /run/cups
    $SUDO cupsd
    for _ in $(seq 1 50); do
        lpstat -r 2>/dev/null | grep -q "is running" && break
        sleep 0.2
    done
    lpstat -r | grep -q "is running" || { say "cupsd did not start"; exit 1; }
fi

# The queues: cups-pdf's own PPD, as lpinfo lists it. HuiyinPDF prints at once;
# HuiyinPDFHold holds every job until released, so a test can cancel or stop a job that
# is at the printer and not printed yet.
ppd="$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF_opt\.ppd/ {print $1; exit}')"
[ -n "$ppd" ] || ppd="$(lpinfo -m 2>/dev/null | awk 'tolower($0) ~ /cups-pdf/ {print $1; exit}')"
[ -n "$ppd" ] || { say "no cups-pdf PPD in lpinfo -m"; exit 1; }
export LC_ALL=C
for queue in "$QUEUE" "${QUEUE}Hold"; do
    if ! lpstat -p "$queue" >/dev/null 2>&1; then
        say "adding queue $queue ($ppd)"
        $SUDO lpadmin -p "$queue" -v cups-pdf:/ -E -m "$ppd" 2>&1 | grep -v "deprecated" >&2 || true
    fi
    # A test may have stopped the queue (cupsdisable/cupsreject): bring it back.
    $SUDO cupsenable "$queue"
    $SUDO cupsaccept "$queue"
done
$SUDO lpadmin -p "${QUEUE}Hold" -o job-hold-until-default=indefinite
# cups-pdf takes PostScript: have CUPS make it with cairo, which keeps the text readable
# (pdftotext on what was printed); the default renderer loses the Chinese text's encoding.
for queue in "$QUEUE" "${QUEUE}Hold"; do
    $SUDO lpadmin -p "$queue" -o pdftops-renderer-default=pdftocairo
done
$SUDO lpadmin -d "$QUEUE"

for queue in "$QUEUE" "${QUEUE}Hold"; do
    for _ in $(seq 1 50); do
        lpstat -p "$queue" 2>/dev/null | grep -q "idle" && break
        sleep 0.2
    done
    lpstat -p "$queue" | grep -q "idle" || { say "queue $queue is not idle: $(lpstat -p "$queue")"; exit 1; }
done
echo "$OUT_DIR"
