# Sourced by ./run-tests: the browser tests drive Debian's Chromium at /usr/bin/chromium
# (Playwright never downloads a browser here). Installs it when missing and we may; else explains.
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "run-tests: installing Debian's chromium for the browser tests…" >&2
    if ! { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
      echo "run-tests: could not install chromium with apt-get; the browser tests need /usr/bin/chromium" >&2
      exit 1
    fi
  else
    echo "run-tests: the browser tests need Debian's Chromium at /usr/bin/chromium: sudo apt-get install chromium" >&2
    exit 1
  fi
fi
