# Shared set-up for scripts/demo and scripts/test: system libraries Qt needs, then a virtualenv
# in .venv with Guichet installed in editable mode. Safe to run again: it skips what is done.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source scripts/_system_libs.sh
read -r -a missing <<<"$(missing_system_packages)"
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system libraries: ${missing[*]}"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; } \
      || echo "Could not install them; please install these system packages: ${missing[*]}" >&2
  else
    echo "Please install these system packages: ${missing[*]}" >&2
  fi
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "Guichet needs Python 3.11 or newer" >&2; exit 1; }
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.guichet-installed
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]" 2>&1 | grep -v '^WARNING: Location' || true
  .venv/bin/python -c 'import PySide6, sqlalchemy, alembic' # fail here when the install failed
  echo "$want" > "$stamp"
fi
