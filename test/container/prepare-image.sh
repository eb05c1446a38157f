#!/usr/bin/env bash
# Makes sure a Docker engine runs here and builds the billing-sim image from the Dockerfile, on a
# base made on this machine (no container registry is reachable: nothing can be pulled).
#
#   bash test/container/prepare-image.sh        # prints the image tag on its last stdout line
#
# 1. Docker: the Debian docker.io package (installed when missing) and its dockerd (started when
#    no engine answers). Idempotent: a running engine is used as it is.
# 2. Base: debootstrap --variant=minbase bookworm, trimmed like debian:bookworm-slim, plus this
#    machine's own Node.js laid out like the official node image (/usr/local, user node 1000).
#    Tagged with the Node.js version and reused while that tag exists.
# 3. Image: `docker build --build-arg BASE=<local base>`, with the host's CA bundle (the one
#    NODE_EXTRA_CA_CERTS names) as the BuildKit secret `ca` so that `npm ci` trusts the same
#    authorities as the host. Build layers are cached by the engine between runs.
#
# Every wait is bounded; a failure says what failed on stderr and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/../.."

IMAGE=${TEST_CONTAINER_TAG:-billing-sim:local}
STATE=${TEST_CONTAINER_STATE:-/var/tmp/billing-sim-docker}
log() { printf 'container: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
mkdir -p "$STATE"

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  local opts=(-y -q -o DPkg::Lock::Timeout=300)
  # The package lists may be missing or stale on a new machine: update once and try again.
  timeout 900 apt-get install "${opts[@]}" "$@" >>"$STATE/apt.log" 2>&1 ||
    { timeout 300 apt-get update -q >>"$STATE/apt.log" 2>&1 &&
      timeout 900 apt-get install "${opts[@]}" "$@" >>"$STATE/apt.log" 2>&1; } ||
    die "apt-get install $* failed (see $STATE/apt.log)"
}

# Debian's client: a newer docker client elsewhere on the PATH may insist on the buildx plugin,
# which Debian does not package, while this one builds with BuildKit by itself.
if [ ! -x /usr/bin/docker ] || ! command -v dockerd >/dev/null; then
  log "installing docker.io"
  apt_install docker.io
fi
DOCKER=/usr/bin/docker

engine_up() { timeout 20 "$DOCKER" info >/dev/null 2>&1; }
if ! engine_up; then
  log "starting dockerd (log: $STATE/dockerd.log)"
  # Host networking only (the tests never use a bridge): no bridge, no iptables rules.
  setsid nohup dockerd --bridge=none --iptables=false --ip6tables=false \
    >>"$STATE/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    engine_up && break
    sleep 1
  done
  engine_up || { tail -20 "$STATE/dockerd.log" >&2; die "dockerd did not answer within 60 s"; }
fi

# --- base: Debian bookworm minbase + this machine's Node.js -----------------------------------
node_bin=$(command -v node)
node_version=$("$node_bin" -p 'process.versions.node')
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
BASE=billing-sim-base:bookworm-node$node_version
if "$DOCKER" image inspect "$BASE" >/dev/null 2>&1; then
  log "base $BASE (cached)"
else
  command -v debootstrap >/dev/null || { log "installing debootstrap"; apt_install debootstrap; }
  # The mirror this machine's apt uses (none found: debootstrap's own default).
  mirror=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
    grep -E '^(URIs:|deb )' | grep -oE '[a-z]+://[^ ]+' | grep -v security | head -1 || true)
  root=$(mktemp -d /var/tmp/billing-sim-rootfs.XXXXXX)
  trap 'rm -rf "$root"' EXIT
  log "debootstrap bookworm into $root ${mirror:+from $mirror}"
  timeout 900 debootstrap --variant=minbase bookworm "$root" ${mirror:+"$mirror"} \
    >"$STATE/debootstrap.log" 2>&1 || { tail -20 "$STATE/debootstrap.log" >&2; die "debootstrap failed"; }
  # What debian:bookworm-slim leaves out: package caches, lists, docs, man pages, locales.
  rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
    "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/*
  # Node.js where the official node image has it, and its user `node` (uid/gid 1000).
  install -m 0755 "$node_bin" "$root/usr/local/bin/node"
  mkdir -p "$root/usr/local/lib/node_modules"
  cp -a "$npm_dir" "$root/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
  chroot "$root" groupadd --gid 1000 node
  chroot "$root" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  chroot "$root" node --version >/dev/null || die "node does not run inside the base"
  tar -C "$root" -c . | timeout 600 "$DOCKER" import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "ENV NODE_VERSION=$node_version" \
    --change 'CMD ["node"]' - "$BASE" >/dev/null || die "docker import failed"
  rm -rf "$root"
  trap - EXIT
  log "base $BASE built"
fi

# --- the image, from the published Dockerfile with only BASE changed -------------------------
secret=()
ca=${NODE_EXTRA_CA_CERTS:-}
[ -n "$ca" ] && [ -r "$ca" ] && secret=(--secret "id=ca,src=$ca")
log "building $IMAGE (log: $STATE/build.log)"
# --network host: the build's `npm ci` reaches the registry the way the host does (no bridge).
DOCKER_BUILDKIT=1 timeout 1500 "$DOCKER" build --network host --progress plain \
  --build-arg "BASE=$BASE" "${secret[@]}" -t "$IMAGE" . >"$STATE/build.log" 2>&1 ||
  { tail -40 "$STATE/build.log" >&2; die "docker build failed"; }
# Earlier builds of the tag are left dangling: drop them so the engine's disk use stays bounded.
"$DOCKER" image prune --force >/dev/null 2>&1 || true
log "image $IMAGE: $("$DOCKER" image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}')"
echo "$IMAGE"
