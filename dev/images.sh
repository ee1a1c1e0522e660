#!/usr/bin/env bash
# Builds the container images with no daemon and no container registry (dev/README.md,
# "Containers on these machines"):
#   1. the base, once: a Debian trixie root with OpenJDK 21 (mmdebstrap), imported into podman as
#      localhost/orderflow/base:<hash of how it is built>, so a change to the recipe builds anew
#      and an unchanged one is reused;
#   2. one image per deployable from its module's Dockerfile, on that base, tagged
#      localhost/orderflow/<artifactId>:<project version> (the name the compose file and the
#      Kubernetes manifests use);
#   3. with --stack, also the stack's image (dev/containers/stack.Containerfile: the base plus
#      Node.js, for dynalite), which the compose file runs Kafka, the registry, dynalite and the dev
#      servers on.
# The jars are built first when missing or older than their sources. podman runs with the
# project's containers.conf (dev/containers/containers.conf: runc, cgroupfs, no default ulimits).
#   dev/images.sh [--stack] [module...]      e.g. dev/images.sh order-ingest
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
source "$ROOT_DIR/dev/lib/stack.sh"
source "$ROOT_DIR/dev/lib/images.sh"
cd "$ROOT_DIR"

WITH_STACK=0
modules=()
for arg in "$@"; do
  case "$arg" in
    --stack) WITH_STACK=1 ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $arg (use --stack or --help)" ;;
    *) modules+=("$arg") ;;
  esac
done
[ ${#modules[@]} -gt 0 ] || modules=("${IMAGE_MODULES[@]}")

command -v podman >/dev/null || die "podman is not installed (apt-get install podman runc mmdebstrap uidmap)"
mkdir -p "$IMAGES_WORK"

# build_root NAME PACKAGES: a Debian root with PACKAGES and the services' user, imported as
# localhost/orderflow/NAME:<hash>; prints the image's name. The hash covers everything that decides
# the root's content except the archive's own updates (rebuild those with IMAGES_REBUILD_BASE=1).
build_root() {
  local name=$1 packages=$2 hash image tar t
  hash=$(printf '%s\n' "$IMAGES_SUITE" "$packages" "$IMAGES_USER_UID" "$(declare -f build_root)" |
    sha256sum | cut -c1-12)
  image="localhost/orderflow/$name:$hash"
  if [ "${IMAGES_REBUILD_BASE:-0}" != 1 ] && podman image exists "$image"; then
    log "$image exists (cached)" >&2
    echo "$image"
    return 0
  fi
  command -v mmdebstrap >/dev/null || die "mmdebstrap is not installed (apt-get install mmdebstrap)"
  t=$(now)
  tar="$IMAGES_WORK/$name-$hash.tar"
  log "building $image with mmdebstrap ($IMAGES_SUITE: $packages)" >&2
  # No documentation, translations or apt lists: the images only run a JVM (man pages stay: the
  # JRE's alternatives link them). The user (written straight into /etc/passwd: useradd is not in
  # the root) is the same uid in every image, so a volume written by one service's container is
  # readable by its next version.
  mmdebstrap --variant=apt --include="$packages" \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --customize-hook="echo 'orderflow:x:$IMAGES_USER_UID:$IMAGES_USER_UID:orderflow:/app:/usr/sbin/nologin' >>\"\$1/etc/passwd\"" \
    --customize-hook="echo 'orderflow:x:$IMAGES_USER_UID:' >>\"\$1/etc/group\"" \
    --customize-hook="install -d -o $IMAGES_USER_UID -g $IMAGES_USER_UID \"\$1/app\"" \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
    "$IMAGES_SUITE" "$tar" >"$IMAGES_WORK/$name.log" 2>&1 ||
    { tail -n 30 "$IMAGES_WORK/$name.log" >&2; die "mmdebstrap failed (log: $IMAGES_WORK/$name.log)"; }
  podman import -q "$tar" "$image" >/dev/null
  rm -f "$tar"
  log "$image built in $(elapsed "$t")" >&2
  echo "$image"
}

# The jars the images copy, built when missing or older than their sources (tests not compiled).
build_jars() {
  local stale_modules=() m jar list build
  for m in "$@"; do
    jar="$m/target/$(image_jar "$m")"
    stale "$jar" pom.xml "$m/pom.xml" "$m/src/main" common/src/main schemas/src sender-framework/src/main &&
      stale_modules+=("$m")
  done
  [ ${#stale_modules[@]} -gt 0 ] || return 0
  list=$(IFS=,; echo "${stale_modules[*]}")
  log "building the jars of $list"
  build=(./mvnw -q -B -pl "$list" -am package -Dmaven.test.skip=true -Dspotless.check.skip=true)
  "${build[@]}" -o >"$IMAGES_WORK/build.log" 2>&1 || "${build[@]}" >"$IMAGES_WORK/build.log" 2>&1 ||
    { tail -n 40 "$IMAGES_WORK/build.log" >&2; die "building $list failed (log: $IMAGES_WORK/build.log)"; }
}

TOTAL=$(now)
BASE_IMAGE=$(build_root base "$IMAGES_BASE_PACKAGES")
# Also untagged-by-hash, so a plain `podman build <module>` finds it as its Dockerfile's default.
podman tag "$BASE_IMAGE" localhost/orderflow/base:latest
if [ "$WITH_STACK" = 1 ]; then
  t=$(now)
  # On the base, so only Node.js is fetched; podman's layer cache skips an unchanged build.
  podman build -q --network host --build-arg "BASE_IMAGE=$BASE_IMAGE" -t "$(image_name stack)" \
    -f dev/containers/stack.Containerfile dev/containers >"$IMAGES_WORK/stack.build.log" 2>&1 ||
    { tail -n 30 "$IMAGES_WORK/stack.build.log" >&2; die "building the stack's image failed"; }
  log "$(image_name stack) built in $(elapsed "$t")"
fi

build_jars "${modules[@]}"
for m in "${modules[@]}"; do
  t=$(now)
  # Docker's format: OCI image configs have no HEALTHCHECK, and podman would drop it.
  podman build -q --format docker --network host --build-arg "BASE_IMAGE=$BASE_IMAGE" \
    --build-arg "JAR=$(image_jar "$m")" -t "$(image_name "$m")" -f "$m/Dockerfile" "$m" \
    >"$IMAGES_WORK/$m.build.log" 2>&1 ||
    { tail -n 30 "$IMAGES_WORK/$m.build.log" >&2; die "building the image of $m failed"; }
  log "$(image_name "$m") built in $(elapsed "$t")"
done
log "images built in $(elapsed "$TOTAL") on $BASE_IMAGE"
