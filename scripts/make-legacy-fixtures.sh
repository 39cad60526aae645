#!/bin/sh
# Saves fixtures through LibreOffice as .xls (Excel 97-2003), .ods and .xlsx, into test/fixtures/legacy/: the files
# the reader tests compare with their .xlsx originals. Run once from the repository root; the outputs are committed,
# so tests never need LibreOffice.
set -e
out=test/fixtures/legacy
profile=$(mktemp -d)
tmp=$(mktemp -d)
mkdir -p "$out"
for name in "$@"; do cp "test/fixtures/$name.xlsx" "$tmp/"; done
lo() { soffice -env:UserInstallation="file://$profile" --headless --convert-to "$1" --outdir "$2" "$tmp"/*.xlsx >/dev/null; }
lo 'xls:MS Excel 97' "$out"
lo ods "$out"
mkdir -p "$tmp/xlsx"
lo 'xlsx:Calc MS Excel 2007 XML' "$tmp/xlsx"
for f in "$tmp"/xlsx/*.xlsx; do mv "$f" "$out/$(basename "$f" .xlsx).libreoffice.xlsx"; done
rm -rf "$profile" "$tmp"
