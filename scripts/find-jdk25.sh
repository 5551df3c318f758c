# Sourced by ./losslab and ./run-tests: sets JAVA_HOME to a JDK 25, or explains what is missing.
# The machine's default java may be older (17 on Debian 12), so never trust `java` on PATH alone.

losslab_java_major() {  # the feature version of the JDK at $1, or nothing
  # The JDK's release file says it without starting a JVM (70 ms saved on every launch).
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

losslab_find_jdk25() {
  local candidates=() home
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25* /opt/java/*25* /opt/jdk*25*
               "$HOME"/.sdkman/candidates/java/25*)
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in "${candidates[@]}"; do
    if [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] && [ "$(losslab_java_major "$home")" = "25" ]; then
      echo "$home"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME="$(losslab_find_jdk25)"; then
  echo "LossLab needs a JDK 25 (java and javac); none found in JAVA_HOME or /usr/lib/jvm." >&2
  echo "Install Temurin 25 (e.g. /usr/lib/jvm/temurin-25-jdk-amd64) or set JAVA_HOME to a JDK 25." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
