#!/usr/bin/env bash
# Fetches the real photographs the media and faces tests read, from Debian packages that ship
# them, unpacked without installing anything (only apt's package lists are needed, and they are
# refreshed, as root, when missing or stale, as on a fresh machine):
#  - opencv-doc: OpenCV's sample images (messi5.jpg, facereg.jpg and other photos with faces,
#    faceless ones);
#  - python3-skimage: scikit-image's data images (astronaut.png, a portrait);
#  - darknet: its sample photos (dog.jpg, horses.jpg: no person; person.jpg, kite.jpg).
# Result: ${FERRY_TEST_MEDIA:-~/.cache/ferry/test-media}/usr/..., as the packages lay them out.
# Idempotent: a package whose marker file is already there is not fetched again.
set -euo pipefail

target="${FERRY_TEST_MEDIA:-$HOME/.cache/ferry/test-media}"
# package -> a file it ships that the tests read (its presence means the package is unpacked)
declare -A markers=(
  [opencv-doc]="usr/share/doc/opencv-doc/opencv4/html/face_swapped.jpg"
  [python3-skimage]="usr/lib/python3/dist-packages/skimage/data/astronaut.png"
  [darknet]="usr/share/darknet/data/horses.jpg"
)

missing=()
for package in "${!markers[@]}"; do
  [[ -f "$target/${markers[$package]}" ]] || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
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

if ! apt-get download "${missing[@]}" >/dev/null 2>&1; then
  echo "fetch-test-media: apt lists are missing or stale; running apt-get update" >&2
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "fetch-test-media: run as root (or run apt-get update as root first)" >&2
    exit 1
  fi
  # queued behind any other apt of ours (see apt-install.sh)
  flock /tmp/ferry-apt.lock apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get download "${missing[@]}"
fi

mkdir -p "$target"
for package in "${missing[@]}"; do
  debs=("${package}"_*.deb)
  if [[ ! -f "${debs[0]}" ]]; then
    echo "fetch-test-media: apt-get download left no $package .deb" >&2
    exit 1
  fi
  dpkg-deb -x "${debs[0]}" "$target"
done

# Some samples ship gzip-compressed; the tests read plain files.
find "$target/usr/share/doc/opencv-doc" -type f \( -name '*.jpg.gz' -o -name '*.png.gz' \) -print0 |
  while IFS= read -r -d '' gz; do
    gunzip -kf "$gz"
  done

for package in "${missing[@]}"; do
  if [[ ! -f "$target/${markers[$package]}" ]]; then
    echo "fetch-test-media: unpacked $package but ${markers[$package]} is not there" >&2
    exit 1
  fi
done
echo "test media: ${missing[*]} unpacked into $target"
