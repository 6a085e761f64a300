# Sourced by every script: finds JDK 25 (JAVA_HOME, else Temurin 25 under /usr/lib/jvm) and exports JAVA_HOME.
# The machines' default java is 17, which cannot run this project.
w2v_find_jdk25() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if "$candidate/bin/java" -version 2>&1 | head -1 | grep -Eq '"25[."]|"25"'; then
      export JAVA_HOME="$candidate"
      # Maven's own libraries call sun.misc.Unsafe, which JDK 25 warns about on every build. Passed here rather
      # than in .mvn/jvm.config, so that ./mvnw started on another JDK reaches the enforcer's clear message.
      export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS:-}"
      return 0
    fi
  done
  echo "w2v: JDK 25 not found. Install Temurin 25 (apt package temurin-25-jdk) or set JAVA_HOME to a JDK 25." >&2
  return 1
}
