# Options of the scripts that train our trainer in rounds on a corpus (bench/sharing.sh, bench/pair.sh):
# --corpus FILE, --rounds N, --cbow, -h/--help (prints the calling script's header). Sourced; the caller defines
# die() and the defaults of CORPUS, ROUNDS and CBOW, then calls parse_round_options "$@", which sets them and
# leaves the other arguments in ARGS_LEFT.
parse_round_options() {
  ARGS_LEFT=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --corpus) [ $# -ge 2 ] || die "--corpus needs a file"; CORPUS="$2"; shift 2 ;;
      --rounds) [ $# -ge 2 ] || die "--rounds needs a number"; ROUNDS="$2"; shift 2 ;;
      --cbow) CBOW=1; shift ;;
      -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
      -*) die "unknown option '$1' ($0 --help lists them)" ;;
      *) ARGS_LEFT+=("$1"); shift ;;
    esac
  done
  [[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive number (got '$ROUNDS')"
}
