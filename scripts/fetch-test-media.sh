#!/usr/bin/env bash
# Fetches the real photographs the media and faces tests read: Debian's opencv-doc package
# ships OpenCV's sample images (messi5.jpg and other photos with faces, faceless ones). The
# .deb is downloaded and unpacked without installing it; only apt's package lists are needed,
# and they are refreshed (as root) when missing or stale, as on a fresh machine.
# Result: ${FERRY_TEST_MEDIA:-~/.cache/ferry/opencv-doc}/usr/share/doc/opencv-doc/...
# Idempotent: does nothing when the images are already there.
set -euo pipefail

target="${FERRY_TEST_MEDIA:-$HOME/.cache/ferry/opencv-doc}"
doc="$target/usr/share/doc/opencv-doc"
markers=("$doc/examples/data/messi5.jpg" "$doc/opencv4/html/face_swapped.jpg")

present() {
  local file
  for file in "${markers[@]}"; do
    [[ -f "$file" ]] || return 1
  done
}

if present; then
  echo "test media: present in $target"
  exit 0
fi

for tool in apt-get dpkg-deb gunzip; do
  command -v "$tool" >/dev/null || { echo "fetch-test-media: $tool is needed (a Debian or Ubuntu machine)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
# As root, apt-get download hands the download to the _apt user, which must be able to write here.
chmod 0777 "$work"

if ! apt-get download opencv-doc >/dev/null 2>&1; then
  echo "fetch-test-media: apt lists are missing or stale; running apt-get update" >&2
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "fetch-test-media: run as root (or run apt-get update as root first)" >&2
    exit 1
  fi
  # queued behind any other apt of ours (see apt-install.sh)
  flock /tmp/ferry-apt.lock apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get download opencv-doc
fi

debs=(opencv-doc_*.deb)
if [[ ! -f "${debs[0]}" ]]; then
  echo "fetch-test-media: apt-get download left no opencv-doc .deb" >&2
  exit 1
fi
mkdir -p "$target"
dpkg-deb -x "${debs[0]}" "$target"

# Some samples ship gzip-compressed; the tests read plain files.
find "$doc" -type f \( -name '*.jpg.gz' -o -name '*.png.gz' \) -print0 | while IFS= read -r -d '' gz; do
  gunzip -kf "$gz"
done

if ! present; then
  echo "fetch-test-media: unpacked ${debs[0]} but ${markers[*]} are not all there" >&2
  exit 1
fi
echo "test media: unpacked into $target"
