#!/usr/bin/env bash
# System packages the tests need, installed only when missing (Debian, as root).
#   java  - owlready2 runs the HermiT reasoner on it
#   tesseract - OCR of scanned PDFs (orgkg.read.ocr); the OCR test needs it
#   chromium  - the chart page is tested in real headless Chromium (orgkg chart)
#   graphviz  - `dot` draws the static SVG/PNG org charts
#   virtuoso  - a second real triple store the publish and query tests run against
#   jena      - Apache Jena's `riot` re-reads every export format (a second RDF parser)
set -euo pipefail
missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr tesseract-ocr-eng)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource-7-bin)
[ -f /usr/share/java/jena-arq.jar ] || missing+=(libapache-jena-java)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: please install: ${missing[*]}" >&2
  exit 1
fi
echo "system-deps: installing ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
