#!/usr/bin/env bash
# 社区通办: one MongoDB backup, then the old ones removed (README, "Deploying" > "Backups").
#
# mongodump takes a full dump (every database) with --oplog from one member of the
# replica set, so the archive restores to a single point in time, into one
# gzip-compressed file:
#   $BACKUP_DIR/sqtb-<UTC time>.archive.gz
# Then archives 14 days old (KEEP_DAYS) are removed; only after a dump succeeded,
# so a run that fails never removes the last good archive. Run it daily (a
# systemd timer or cron, README).
#
# Settings, from the environment (the timer reads /etc/sqtb/backup.env):
#   MONGODUMP_CONFIG  a YAML file, mode 0600, holding the connection string so the
#                     password is not on a command line, e.g.
#                       uri: mongodb://sqtb_backup:PASSWORD@db3:27017/?authSource=admin&directConnection=true
#                     No database name in the path: --oplog works only on a full dump.
#                     Default /etc/sqtb/mongodump.yaml
#   BACKUP_DIR        where archives go. Default /var/backups/sqtb
#   KEEP_DAYS         days of archives kept. Default 14
#   MONGODUMP         the mongodump program (MongoDB Database Tools). Default: mongodump
#
# Exit status 0 when the archive is written. Otherwise non-zero, with nothing
# half-written left behind and nothing removed.
set -euo pipefail

config=${MONGODUMP_CONFIG:-/etc/sqtb/mongodump.yaml}
dir=${BACKUP_DIR:-/var/backups/sqtb}
keep_days=${KEEP_DAYS:-14}
mongodump=${MONGODUMP:-mongodump}

fail() { echo "backup: $*" >&2; exit 1; }

[[ $keep_days =~ ^[1-9][0-9]{0,3}$ ]] || fail "KEEP_DAYS must be a whole number of days (1 or more), not '$keep_days'"
[[ -r $config ]] || fail "cannot read $config (MONGODUMP_CONFIG)"
command -v "$mongodump" >/dev/null || fail "$mongodump not found (install MongoDB Database Tools, or set MONGODUMP)"

umask 077
mkdir -p "$dir"

# One run at a time (the timer and a run by hand).
exec 9>"$dir/.lock"
flock -n 9 || fail "another backup is running in $dir"

archive="$dir/sqtb-$(date -u +%Y%m%dT%H%M%SZ).archive.gz"
partial="$archive.partial"
trap 'rm -f -- "$partial"' EXIT

"$mongodump" --config="$config" --oplog --gzip --archive="$partial"
mv -- "$partial" "$archive"
trap - EXIT
echo "backup: wrote $archive ($(du -h -- "$archive" | cut -f1))"

# Keep KEEP_DAYS days: an archive goes once it is KEEP_DAYS days old. Leftovers of
# a run that was killed outright go after a day.
find "$dir" -maxdepth 1 -type f -name 'sqtb-*.archive.gz' -mtime +"$((keep_days - 1))" -print -delete | sed 's/^/backup: removed /'
find "$dir" -maxdepth 1 -type f -name 'sqtb-*.archive.gz.partial' -mmin +1440 -print -delete | sed 's/^/backup: removed unfinished /'
