#!/usr/bin/env bash
# One-command setup for a fresh Debian machine: system packages the tests need, then the npm dependencies and
# a first build. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'WenQuanYi Micro Hei' || need+=(fonts-wqy-microhei)
command -v 7za >/dev/null 2>&1 || need+=(p7zip-full)
# xmllint validates the PAGE, METS and ALTO exports against the official XSDs in the tests.
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
# pandoc reads the DOCX export back in the tests, independently of the library that writes it.
command -v pandoc >/dev/null 2>&1 || need+=(pandoc)
# Modern simplified Chinese prose for the suggestion bench's modern practice pages (bench/suggest/modern-text.ts).
[ -f /usr/share/doc/debian/FAQ/debian-faq.zh-cn.txt.gz ] || need+=(debian-faq-zh-cn)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig
fi

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
npm run build
echo "setup: done. Run 'npm test' to test, 'npm start' to start Galley."
