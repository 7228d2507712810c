#!/usr/bin/env bash
# Installs, from Debian's packages, what the demo and the browser tests drive and a fresh machine lacks:
# Chromium, Firefox ESR and its Arabic language pack, Xvfb (for headed runs) and Noto fonts (Arabic shaping). Does nothing when all are there.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
fc-list 2>/dev/null | grep -qi 'Noto Sans Arabic' || need+=(fonts-noto-core)
# Firefox's UI (and so browser.i18n) turns Arabic only with its Arabic language pack.
ls /usr/lib/firefox-esr/browser/extensions/langpack-ar@* >/dev/null 2>&1 || need+=(firefox-esr-l10n-ar)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing from Debian's packages: ${need[*]}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}"
