#!/usr/bin/env bash
# Fetches the real photographs the media and faces tests read: Debian's opencv-doc
# package ships OpenCV's sample images (messi5.jpg, a photo with a face, and faceless ones). The .deb is downloaded
# and unpacked without installing it, so no root install is needed beyond apt's lists.
# Result: ~/.cache/ferry/opencv-doc/usr/share/doc/opencv-doc/examples/data/*.jpg
set -euo pipefail

target="${FERRY_TEST_MEDIA:-$HOME/.cache/ferry/opencv-doc}"
marker="$target/usr/share/doc/opencv-doc/examples/data/messi5.jpg"

if [[ -f "$marker" ]]; then
  echo "test media present in $target"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
# apt-get download refuses to run as root inside a directory the _apt user cannot write to.
chmod 0777 "$work"

if ! apt-get download opencv-doc >/dev/null 2>&1; then
  echo "apt lists are missing or stale; running apt-get update" >&2
  apt-get update -qq
  apt-get download opencv-doc
fi

deb="$(ls opencv-doc_*.deb | head -n 1)"
mkdir -p "$target"
dpkg-deb -x "$deb" "$target"

if [[ ! -f "$marker" ]]; then
  echo "unpacked $deb but $marker is missing" >&2
  exit 1
fi
# The data folder ships some samples gzip-compressed; the tests read plain files.
find "$target/usr/share/doc/opencv-doc/examples" -name '*.jpg.gz' -o -name '*.png.gz' | while read -r gz; do
  gunzip -kf "$gz"
done
echo "test media unpacked into $target"
