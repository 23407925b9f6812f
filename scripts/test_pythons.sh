#!/bin/sh
# `make test-pythons`: install the project into a venv per Python version and run the tests.
# A version that is not installed is skipped with a notice, never silently.
set -u
status=0
for v in "$@"; do
    py=""
    if python"$v" -V >/dev/null 2>&1; then
        py=python"$v"
    else
        # pyenv keeps versions it does not put on PATH
        for cand in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$v".*/bin/python"$v"; do
            [ -x "$cand" ] && py="$cand"
        done
    fi
    if [ -z "$py" ]; then
        echo "== Python $v: not installed, skipped"
        continue
    fi
    venv=".venv-$v"
    echo "== Python $v: $($py -V 2>&1) in $venv"
    { [ -x "$venv/bin/python" ] || "$py" -m venv "$venv"; } &&
        "$venv/bin/python" -m pip install --quiet --upgrade pip &&
        "$venv/bin/python" -m pip install --quiet -e ".[${EXTRAS:-dev}]" &&
        "$venv/bin/python" -m pytest -q -p no:cacheprovider -m "slow or not slow" || status=1
done
exit $status
