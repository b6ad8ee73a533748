#!/bin/sh
# Installs the launchpad command from a GitHub release, after checking the
# download against the release's SHA-256 checksums.
#
#   curl -fsSL https://github.com/launchpad-ssg/launchpad/releases/latest/download/install.sh | sh
#
# Settings (environment variables):
#   LAUNCHPAD_VERSION      a release such as 0.1.0 (default: the latest)
#   LAUNCHPAD_INSTALL_DIR  where to put the command (default: ~/.local/bin)
#   LAUNCHPAD_RELEASES     where releases are downloaded from
#                          (default: this repository's GitHub releases)
# Windows: download launchpad-x86_64-pc-windows-msvc.zip from the release page.
set -eu

releases=${LAUNCHPAD_RELEASES:-https://github.com/launchpad-ssg/launchpad/releases}
install_dir=${LAUNCHPAD_INSTALL_DIR:-$HOME/.local/bin}

fail() {
  echo "install.sh: $*" >&2
  exit 1
}

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64 | Linux-amd64) target=x86_64-unknown-linux-musl ;;
  Linux-aarch64 | Linux-arm64) target=aarch64-unknown-linux-musl ;;
  Darwin-x86_64) target=x86_64-apple-darwin ;;
  Darwin-arm64 | Darwin-aarch64) target=aarch64-apple-darwin ;;
  *) fail "no release binary for $(uname -s) $(uname -m); build from source: cargo install --git https://github.com/launchpad-ssg/launchpad --locked" ;;
esac

if [ -n "${LAUNCHPAD_VERSION:-}" ]; then
  base="$releases/download/v${LAUNCHPAD_VERSION#v}"
else
  base="$releases/latest/download"
fi

if command -v sha256sum >/dev/null 2>&1; then
  sha256() { sha256sum "$1" | cut -d' ' -f1; }
elif command -v shasum >/dev/null 2>&1; then
  sha256() { shasum -a 256 "$1" | cut -d' ' -f1; }
else
  fail "needs sha256sum or shasum to verify the download"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
archive="launchpad-$target.tar.gz"
echo "Downloading $base/$archive"
curl -fsSL --retry 3 -o "$tmp/$archive" "$base/$archive" || fail "cannot download $base/$archive"
curl -fsSL --retry 3 -o "$tmp/SHA256SUMS" "$base/SHA256SUMS" || fail "cannot download $base/SHA256SUMS"

expected=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1 }' "$tmp/SHA256SUMS")
[ -n "$expected" ] || fail "SHA256SUMS does not list $archive"
actual=$(sha256 "$tmp/$archive")
[ "$expected" = "$actual" ] || fail "checksum mismatch for $archive: expected $expected, got $actual; nothing was installed"

tar -xzf "$tmp/$archive" -C "$tmp"
mkdir -p "$install_dir"
# Moved into place whole, so a running copy is never half overwritten.
cp "$tmp/launchpad" "$install_dir/.launchpad.new"
chmod 755 "$install_dir/.launchpad.new"
mv "$install_dir/.launchpad.new" "$install_dir/launchpad"
echo "Installed $("$install_dir/launchpad" --version) to $install_dir/launchpad"
case ":$PATH:" in
  *":$install_dir:"*) ;;
  *) echo "Add $install_dir to your PATH to run it as launchpad." ;;
esac
