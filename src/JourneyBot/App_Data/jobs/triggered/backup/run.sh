#!/bin/bash
# JourneyBot's nightly backup: an App Service triggered WebJob (its schedule is in settings.job) that runs the
# deployable's own `export --all` as the web app's managed identity, which reads the tables and adds a blob to the
# backup container beside them (infra/backup-job.bicep). Backup__Url (an app setting) names another container.
# JOURNEYBOT_APP: where the app is (App Service runs the job from a copy of this folder, not from the app's own).
set -euo pipefail

if [[ -n "${Backup__Url:-}" ]]; then
  url="$Backup__Url"
else
  tables="${ConnectionStrings__Storage:-}"
  if [[ "$tables" != https://*.table.* ]]; then
    echo "backup: ConnectionStrings__Storage is not a table endpoint (https://<account>.table.core.windows.net/);" \
      "set Backup__Url to the backup container's URL." >&2
    exit 2
  fi
  url="${tables/.table./.blob.}"
  url="${url%/}/journeybot-backups/"
fi

cd "${JOURNEYBOT_APP:-/home/site/wwwroot}"
exec dotnet JourneyBot.dll export --all --out "$url"
