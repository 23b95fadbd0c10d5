#!/usr/bin/env bash
# Lays out the root file system of the EventFlux container image (no Docker daemon, no base image: Jib
# builds from `scratch` and adds this folder as one layer):
#   /opt/java       a Java runtime made by jlink from the JDK that runs Maven (its jmods)
#   /lib*, /usr/lib the shared libraries that runtime needs (glibc, zlib, ...), found with ldd, from this machine
#   /opt/eventflux  the distribution (eventflux-<version>.tar.gz of eventflux.launcher): lib/eventflux.jar,
#                   deploy/, conf/, state/, logs/, bundles/
#   /etc/passwd     root and the unprivileged user eventflux (10001), /tmp
# Usage: runtime.sh OUT_DIR JAVA_HOME DISTRIBUTION.tar.gz CLASSES_DIR
# (CLASSES_DIR: this module has no classes, but Jib insists on the folder; it stays empty, so no layer)
set -euo pipefail
out="$1"; jdk="$2"; dist="$3"
mkdir -p "$4"
modules="java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs"
stamp="$out.stamp"
key="$(stat -c '%s-%Y' "$dist" "$jdk/release" | tr '\n' '-')$modules"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$key" && -x "$out/opt/java/bin/java" ]]; then
  exit 0   # up to date: jlink takes a while
fi
rm -rf "$out" "$stamp"
mkdir -p "$out/opt" "$out/etc" "$out/tmp"
# the JDK's jmods (Debian's openjdk-17-jdk ships them); a JDK 24+ without them links from its own run-time
# image when it was built for that (Temurin 25 is)
modpath=()
if [[ -d "$jdk/jmods" ]]; then
  modpath=(--module-path "$jdk/jmods")
fi
if ! "$jdk/bin/jlink" "${modpath[@]}" --add-modules "$modules" --output "$out/opt/java" \
    --strip-debug --no-header-files --no-man-pages --compress=2; then
  echo "runtime.sh: jlink of $jdk failed: build the image with a JDK that has jmods/ (or a linkable run-time image)" >&2
  exit 1
fi
# the shared libraries of the runtime's binaries, with the paths the dynamic linker looks them up at
# (not those of the AWT, sound and font libraries: java.desktop is here for java.beans, nothing draws)
find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) \
    ! -name '*awt*' ! -name 'libfontmanager.so' ! -name 'libjsound.so' ! -name 'libsplashscreen.so' \
    ! -name 'liblcms.so' ! -name 'libjavajpeg.so' ! -name 'libmlib_image.so' -print0 \
  | xargs -0 ldd 2>/dev/null | grep -o '/[^ ]*\.so[^ ]*' | sort -u | while read -r lib; do
    case "$lib" in "$out"/*) continue ;; esac
    [[ -f "$lib" ]] || continue
    mkdir -p "$out$(dirname "$lib")"
    cp -L "$lib" "$out$lib"
  done
# the dynamic linker itself, at the path the binaries name
interp="$(readelf -l "$out/opt/java/bin/java" | sed -n 's/.*interpreter: \(.*\)]/\1/p')"
mkdir -p "$out$(dirname "$interp")"
cp -L "$interp" "$out$interp"
tar -xzf "$dist" -C "$out/opt"
mv "$out/opt/eventflux-"* "$out/opt/eventflux"
printf 'root:x:0:0:root:/root:/sbin/nologin\neventflux:x:10001:10001:eventflux:/opt/eventflux:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\neventflux:x:10001:\n' > "$out/etc/group"
echo "$key" > "$stamp"
