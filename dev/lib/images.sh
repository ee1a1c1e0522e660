# shellcheck shell=bash
# Shared by dev/images.sh and dev/compose.sh (sourced after dev/lib/env.sh): the images' names and
# podman's configuration. The Java ITs (e2e ContainerImagesIT) use the same convention.

# podman reads the project's own settings, never a hand-edited /etc (dev/containers/containers.conf).
export CONTAINERS_CONF="$ROOT_DIR/dev/containers/containers.conf"

IMAGES_WORK="$ROOT_DIR/dev/.images"
IMAGES_SUITE=trixie
IMAGES_BASE_PACKAGES=openjdk-21-jre-headless,ca-certificates,curl
IMAGES_USER_UID=10001
# The deployables, in the order their images are built.
IMAGE_MODULES=(order-ingest notification-router whatsapp-sender instagram-sender meta-webhooks ops-cli)

# The project's version (the parent POM's), which tags every image.
project_version() {
  sed -n '/<artifactId>orderflow-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' \
    "$ROOT_DIR/pom.xml"
}
IMAGES_TAG="${IMAGES_TAG:-$(project_version)}"

# image_name MODULE: localhost/orderflow/<artifactId>:<version>.
image_name() { echo "localhost/orderflow/$1:$IMAGES_TAG"; }

# image_jar MODULE: the shaded jar under MODULE/target that its Dockerfile copies.
image_jar() {
  case "$1" in
    notification-router) echo "notification-router-$IMAGES_TAG-all.jar" ;;
    *) echo "$1.jar" ;;
  esac
}
