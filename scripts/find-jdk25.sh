# Sourced by ./losslab and ./run-tests: sets JAVA_HOME to a JDK 25, or explains what is missing.
# The machine's default java may be older (17 on Debian 12), so never trust `java` on PATH alone.

losslab_java_major() {  # the feature version of the JDK at $1, or nothing
  # The JDK's release file says it without starting a JVM (70 ms saved on every launch), and bash
  # reads it without forking a process.
  local line
  if [ -f "$1/release" ]; then
    while IFS= read -r line; do
      if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
        echo "${BASH_REMATCH[1]}"
        return
      fi
    done < "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

losslab_find_jdk25() {
  local candidates=() home
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25* /opt/java/*25* /opt/jdk*25*
               "$HOME"/.sdkman/candidates/java/25*)
  for home in "${candidates[@]}"; do
    if losslab_is_jdk25 "$home"; then
      echo "$home"
      return 0
    fi
  done
  # Last, the java on PATH (resolving its symlinks costs a few processes, so only when needed).
  if command -v java >/dev/null 2>&1; then
    home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    if losslab_is_jdk25 "$home"; then
      echo "$home"
      return 0
    fi
  fi
  return 1
}

losslab_is_jdk25() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(losslab_java_major "$1")" = "25" ]
}

if ! JAVA_HOME="$(losslab_find_jdk25)"; then
  echo "LossLab needs a JDK 25 (java and javac); none found in JAVA_HOME or /usr/lib/jvm." >&2
  echo "Install Temurin 25 (e.g. /usr/lib/jvm/temurin-25-jdk-amd64) or set JAVA_HOME to a JDK 25." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
