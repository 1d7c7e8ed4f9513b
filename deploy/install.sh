#!/bin/sh
# Installs CodeEnv on a Debian or Ubuntu server with a served root: what the service needs from the OS (acl,
# bubblewrap, python3-venv), the service account, the module and the codeenv shell under a prefix, the served root
# itself, the machine config that points every user at it, and the systemd unit, enabled and started.
#
#   sudo deploy/install.sh [--root /srv/codeenv] [--account codeenv] [--admin alice,data-admins] [--prefix /opt/codeenv]
#                          [--etc /etc] [--configuration Release] [--no-systemd]
#
# --etc is where codeenv/config.json and systemd/system/codeenv.service go; --no-systemd installs the unit but does
# not start it (a container without systemd, or a test).
#
# Run it from a clone of the repository (it builds the module with the .NET SDK) or from an unpacked release that
# already has out/CodeEnv and the shell. Running it again updates the module and the unit and keeps the root.
set -eu

root=/srv/codeenv
account=codeenv
admins=
prefix=/opt/codeenv
etc=/etc
configuration=Release
systemd=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root=$2; shift 2 ;;
    --account) account=$2; shift 2 ;;
    --admin) admins=$2; shift 2 ;;
    --prefix) prefix=$2; shift 2 ;;
    --etc) etc=$2; shift 2 ;;
    --configuration) configuration=$2; shift 2 ;;
    --no-systemd) systemd=no; shift ;;
    *) echo "install.sh: unknown argument '$1' (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done

if [ "$(id -u)" -ne 0 ]; then
  echo "install.sh: run as root (sudo): it creates an account, installs packages and a systemd unit." >&2
  exit 1
fi

here=$(cd "$(dirname "$0")/.." && pwd)

missing=
for tool in setfacl:acl bwrap:bubblewrap; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing="$missing ${tool#*:}"
done
/usr/bin/python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing="$missing python3-venv"
if [ -n "$missing" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null
fi

if ! id "$account" >/dev/null 2>&1; then
  useradd --system --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin "$account"
fi

# The service builds images with rootless podman as this account, which maps a container's users into the account's
# subordinate ids; useradd gives a system account none, and without them every image build fails ("insufficient UIDs
# or GIDs available in user namespace"). A range of 65536 after the last one given, for an account that has none.
if ! grep -q "^$account:" /etc/subuid 2>/dev/null || ! grep -q "^$account:" /etc/subgid 2>/dev/null; then
  first=$(cat /etc/subuid /etc/subgid 2>/dev/null | awk -F: 'BEGIN { free = 100000 } $2 + $3 > free { free = $2 + $3 } END { print free }')
  grep -q "^$account:" /etc/subuid 2>/dev/null || usermod --add-subuids "$first-$((first + 65535))" "$account"
  grep -q "^$account:" /etc/subgid 2>/dev/null || usermod --add-subgids "$first-$((first + 65535))" "$account"
fi

# The module and the shell, readable by every user (each user's cmdlets load the same module).
shell="$here/src/CodeEnv.Shell/bin/$configuration/net10.0"
if [ ! -f "$here/out/CodeEnv/CodeEnv.psd1" ] || [ ! -f "$shell/codeenv.dll" ]; then
  (cd "$here" && dotnet build -c "$configuration" CodeEnv.Cmdlets.sln >/dev/null)
fi
mkdir -p "$prefix/bin" "$prefix/shell"
rm -rf "$prefix/shell/CodeEnv"
cp -R "$shell/." "$prefix/shell/"
# The shell's own copy of the module, compiled ahead of time on Linux x64, came with it; elsewhere the module users import.
if [ ! -f "$prefix/shell/CodeEnv/CodeEnv.psd1" ]; then
  cp -R "$here/out/CodeEnv" "$prefix/shell/CodeEnv"
fi
cat > "$prefix/bin/codeenv" <<WRAPPER
#!/bin/sh
exec dotnet "$prefix/shell/codeenv.dll" "\$@"
WRAPPER
chmod -R a+rX "$prefix"
chmod 755 "$prefix/bin/codeenv"
ln -sf "$prefix/bin/codeenv" /usr/local/bin/codeenv

# The served root, made once; later runs leave it as it is.
if [ ! -f "$root/codeenv.json" ]; then
  administrators=root
  [ -n "$admins" ] && administrators="$admins"
  list=$(printf "'%s'," $(echo "$administrators" | tr ',' ' ') | sed 's/,$//')
  HOME=${HOME:-/root} "$prefix/bin/codeenv" -Command "Initialize-CodeEnvRoot -Path '$root' -ServiceAccount $account -Administrator $list | Out-Null"
fi

# Every user's cmdlets find the root without -Root or CODEENV_ROOT.
mkdir -p "$etc/codeenv" "$etc/systemd/system"
printf '{ "root": "%s" }\n' "$root" > "$etc/codeenv/config.json"
chmod 644 "$etc/codeenv/config.json"

sed -e "s|@ROOT@|$root|g" -e "s|@ACCOUNT@|$account|g" -e "s|@PREFIX@|$prefix|g" "$here/deploy/codeenv.service" > "$etc/systemd/system/codeenv.service"
if [ "$systemd" = yes ]; then
  systemctl daemon-reload
  systemctl enable --now codeenv.service
  echo "CodeEnv service running for $root (systemctl status codeenv; journalctl -u codeenv)."
else
  echo "Installed for $root; start the service with: sudo -u $account $prefix/bin/codeenv serve --root $root"
fi
