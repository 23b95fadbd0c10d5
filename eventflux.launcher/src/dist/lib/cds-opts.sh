# Sourced by bin/eventflux (the distribution's) and by ./eventflux (the repository's): class data sharing and the
# core bundles on the class path. Expects $java (the java binary), the array opts (JVM options) and the array
# launch (how to start the launcher: -jar JAR, replaced by -cp ... Main when the core bundles are connected).
# Class data sharing (AppCDS): the first run with this jar archives the classes it loaded from the JDK and
# the jar's class path (the framework, the launcher) when it exits (-XX:ArchiveClassesAtExit, into a file
# named by the jar's and the JDK's size and time, next to the jar or else in ~/.cache/eventflux); later runs map that
# archive instead of loading and verifying those classes again. EVENTFLUX_CDS=off turns it off. JVM
# warnings go to stderr: standard output is the command's.
cds_opts() {
  local jar="$1" command="${2:-}" dir key base jsa f pid list cp sum
  [[ "${EVENTFLUX_CDS:-on}" == off ]] && return 0
  # the jar's and the java binary's size and time: a rebuilt jar or another JDK gets its own archive
  base="$(stat -L -c '%s-%Y' "$jar" "$(command -v "$java")" 2>/dev/null)" || return 0
  base="${base//$'\n'/-}"
  key="$base"
  dir="$(dirname "$jar")"
  if [[ ! -w "$dir" ]]; then
    dir="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/eventflux"
    mkdir -p "$dir" 2>/dev/null || return 0
  fi
  case "$command" in
    run|replay|validate|config)
      # the core bundles on the class path: the first such run lists them (the launcher writes the list), later
      # runs put them there and the launcher connects them (OSGi Connect): their classes come from the
      # application class loader, so the archive (one of their own, named by the jars' sizes and times) holds
      # them whole, lambdas included
      list="$dir/eventflux-$base.core"
      if [[ -f "$list" ]]; then
        local -a core=()
        mapfile -t core < "$list"
        if (( ${#core[@]} > 0 )) && sum="$(stat -L -c '%s-%Y' "${core[@]}" 2>/dev/null | cksum)"; then
          cp="$jar"
          for f in "${core[@]}"; do cp+=":$f"; done
          launch=(-cp "$cp" io.eventflux.launcher.internal.boot.Main)
          key="$base-core-${sum%% *}"
        else
          rm -f "$list" # a jar of it is gone (the bundle cache was cleared): this run lists them again
          opts+=(-Deventflux.core.list="$list")
        fi
      else
        opts+=(-Deventflux.core.list="$list")
      fi
      ;;
  esac
  jsa="$dir/eventflux-$key.jsa"
  if [[ ! -f "$jsa" ]]; then
    # a finished dump of an earlier first run (its process is gone) becomes the archive
    for f in "$jsa".*; do
      pid="${f##*.}"
      [[ -f "$f" && "$pid" =~ ^[0-9]+$ && ! -d "/proc/$pid" ]] && mv -f "$f" "$jsa" 2>/dev/null
    done
  fi
  if [[ -f "$jsa" ]]; then
    opts+=(-XX:SharedArchiveFile="$jsa")
  else
    # the archives (and unfinished dumps of processes that are gone) and lists of other jars and JDKs, and the
    # core archives of other bundle jars, go
    for f in "$dir"/eventflux-*.jsa "$dir"/eventflux-*.jsa.* "$dir"/eventflux-*.core; do
      case "$f" in
        "$dir/eventflux-$base.jsa"|"$dir/eventflux-$base.jsa."*|"$dir/eventflux-$base.core"|"$dir/eventflux-$key.jsa"*) ;;
        *)
          pid="${f##*.jsa.}"
          [[ "$pid" =~ ^[0-9]+$ && -d "/proc/$pid" ]] || rm -f "$f" 2>/dev/null || true
          ;;
      esac
    done
    opts+=(-XX:ArchiveClassesAtExit="$jsa.$$")
  fi
  return 0
}
