#!/usr/bin/env bash
# A real WordPress (Debian's package) on 127.0.0.1, for the portal adapter's tests
# (test/integration/channels/portal/wordpressReal.test.ts). See shared/channels/wordpress.md.
#
#   bash scripts/wordpress.sh setup    install what is missing, start the site, write credentials
#   bash scripts/wordpress.sh stop     stop the daemons this script started (by recorded PIDs)
#   bash scripts/wordpress.sh status   say whether each daemon runs
#
# setup installs (apt-get, only when missing) wordpress, mariadb-server, nginx and php-fpm with
# its modules, never apache2; starts mariadbd (socket only, no TCP), php-fpm and nginx as
# daemons with this script's own config files under the state folder, nginx bound to
# 127.0.0.1:<port>; creates the database, installs the site from PHP CLI, creates an
# application password and writes {url, username, applicationPassword} to
# <state folder>/credentials.json. Running setup again when the site is up re-checks it and
# re-writes the credentials (the same application password while it still works).
#
# Environment: PRESSDESK_WP_DIR (state folder, default /tmp/pressdesk-wordpress),
# PRESSDESK_WP_PORT (default 8089), PRESSDESK_WP_PERMALINKS (pretty, the default: the REST API
# at /wp-json/; plain: at /index.php?rest_route=/). Needs root (re-runs itself through sudo
# when possible); works without systemd.
set -Eeuo pipefail
# Any step that fails without its own message still says where it stopped.
trap 'echo "!! wordpress.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

WP_DIR="${PRESSDESK_WP_DIR:-/tmp/pressdesk-wordpress}"
PORT="${PRESSDESK_WP_PORT:-8089}"
HOST=127.0.0.1
SITE_URL="http://$HOST:$PORT"
WP_USER=pressdesk
APP_PASSWORD_NAME='PressDesk tests'
DB_NAME=pressdesk_wp
DB_USER=pressdesk_wp
WP_ROOT=/usr/share/wordpress
WP_CONTENT=/var/lib/wordpress/wp-content
SITE_CONFIG="/etc/wordpress/config-$HOST.php"
RUN="$WP_DIR/run"
LOG="$WP_DIR/log"
CREDENTIALS="$WP_DIR/credentials.json"
# pretty: the REST API at /wp-json/ (what most sites use); plain: at /index.php?rest_route=/.
case "${PRESSDESK_WP_PERMALINKS:-pretty}" in
  pretty) PERMALINK_STRUCTURE='/%year%/%monthnum%/%postname%/' ;;
  plain) PERMALINK_STRUCTURE='' ;;
  *) echo "!! wordpress.sh: PRESSDESK_WP_PERMALINKS must be pretty or plain." >&2 && exit 1 ;;
esac

say() { echo "== wordpress.sh: $*"; }
fail() {
  echo "!! wordpress.sh: $*" >&2
  exit 1
}
# Prints the last lines of a log file to stderr, to explain a failure.
show_log() {
  if [ -f "$1" ]; then
    echo "-- last lines of $1:" >&2
    tail -n 30 "$1" >&2
  fi
}

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo --preserve-env=PRESSDESK_WP_DIR,PRESSDESK_WP_PORT,PRESSDESK_WP_PERMALINKS bash "$0" "$@"
  fi
  fail "needs root (apt-get, /etc/wordpress, daemons running as mysql and www-data), and sudo is missing. Run it as root."
fi

case "$PORT" in
  '' | *[!0-9]*) fail "PRESSDESK_WP_PORT must be a port number, not '$PORT'." ;;
esac
case "$WP_DIR" in
  *[[:space:]]*) fail "PRESSDESK_WP_DIR must not contain spaces ('$WP_DIR')." ;;
  /*) ;;
  *) fail "PRESSDESK_WP_DIR must be an absolute path, not '$WP_DIR'." ;;
esac

# --- daemons -------------------------------------------------------------------------------

# The PID recorded in a pid file, when that process runs and is the named program.
running_pid() {
  local file="$1" name="$2" pid
  [ -f "$file" ] || return 1
  pid="$(tr -dc '0-9' <"$file")"
  [ -n "$pid" ] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  grep -q "$name" "/proc/$pid/comm" 2>/dev/null || return 1
  echo "$pid"
}

# Runs "$@" until it succeeds, at most $1 times, 0.5 s apart.
wait_until() {
  local tries="$1"
  shift
  local i
  for ((i = 0; i < tries; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  return 1
}

stop_one() {
  local label="$1" file="$2" name="$3" pid
  if ! pid="$(running_pid "$file" "$name")"; then
    say "$label is not running"
    rm -f "$file"
    return 0
  fi
  say "stopping $label (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_until 60 bash -c "! kill -0 $pid"; then
    say "$label did not stop within 30 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    wait_until 20 bash -c "! kill -0 $pid" || fail "could not stop $label (pid $pid)."
  fi
  rm -f "$file"
}

php_fpm_binary() {
  local found
  found="$(find /usr/sbin -maxdepth 1 -name 'php-fpm*' -type f 2>/dev/null | sort | tail -n 1)"
  [ -n "$found" ] || return 1
  echo "$found"
}

cmd_stop() {
  stop_one nginx "$RUN/nginx.pid" nginx
  stop_one php-fpm "$RUN/php-fpm.pid" php-fpm
  stop_one mariadbd "$RUN/mariadbd.pid" mariadbd
  say "stopped"
}

cmd_status() {
  local label file name pid
  for entry in "nginx:nginx.pid:nginx" "php-fpm:php-fpm.pid:php-fpm" "mariadbd:mariadbd.pid:mariadbd"; do
    IFS=: read -r label file name <<<"$entry"
    if pid="$(running_pid "$RUN/$file" "$name")"; then
      say "$label runs (pid $pid)"
    else
      say "$label is not running"
    fi
  done
  [ -f "$CREDENTIALS" ] && say "credentials: $CREDENTIALS"
  return 0
}

# --- packages ------------------------------------------------------------------------------

package_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

install_packages() {
  local wanted=(wordpress wordpress-theme-twentytwentythree mariadb-server mariadb-client nginx
    php-fpm php-cli php-mysql php-gd php-xml php-mbstring php-curl curl ca-certificates)
  local missing=() p
  for p in "${wanted[@]}"; do package_installed "$p" || missing+=("$p"); done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "packages already installed"
    return 0
  fi
  command -v apt-get >/dev/null 2>&1 || fail "apt-get not found: this script needs Debian (or a derivative)."
  say "installing ${missing[*]} (about 70-90 s)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q || fail "apt-get update failed: check the network and /etc/apt/sources.list*."
  # Without apache2: nginx serves the site. wordpress depends on "libapache2-mod-php | php",
  # and php8.x on "libapache2-mod-php8.x | php8.x-fpm | ...": name the Apache module with a
  # trailing '-' so apt takes php-fpm instead.
  local php_version
  php_version="$(apt-cache depends php-fpm 2>/dev/null | sed -n 's/^ *Depends: php\([0-9.]*\)-fpm$/\1/p')" || true
  php_version="${php_version%%$'\n'*}"
  [ -n "$php_version" ] || fail "could not tell which PHP version php-fpm installs (apt-cache depends php-fpm)."
  # Packages must not start their own services (mariadb on 3306, nginx on 80): this script
  # runs its own daemons. policy-rc.d answering 101 tells invoke-rc.d so.
  local own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    own_policy=1
  fi
  local status=0
  apt-get install -y -q --no-install-recommends "${missing[@]}" apache2- "libapache2-mod-php$php_version-" || status=$?
  if [ "$own_policy" -eq 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  [ "$status" -eq 0 ] || fail "apt-get install failed (exit $status); see the lines above."
  for p in "${wanted[@]}"; do package_installed "$p" || fail "package $p is still not installed."; done
  say "packages installed"
}

# --- configuration -------------------------------------------------------------------------

write_configs() {
  install -d -m 755 "$WP_DIR"
  # mariadbd runs as mysql, php-fpm and nginx's workers as www-data: all must reach the folder.
  local user
  for user in mysql www-data; do
    runuser -u "$user" -- test -x "$WP_DIR" ||
      fail "$WP_DIR is not reachable by the user $user: choose a PRESSDESK_WP_DIR outside private folders (e.g. under /tmp or /var/tmp)."
  done
  install -d -m 755 -o mysql -g mysql "$RUN" "$WP_DIR/mysql"
  install -d -m 755 "$LOG" "$WP_DIR/nginx"
  install -d -m 700 -o www-data -g www-data "$WP_DIR/nginx/tmp"
  touch "$LOG/mariadb.log" "$LOG/php-fpm.log" "$LOG/php-errors.log"
  chown mysql:mysql "$LOG/mariadb.log"
  chown www-data:www-data "$LOG/php-errors.log"

  cat >"$WP_DIR/mariadb.cnf" <<EOF
[client]
socket = $RUN/mysqld.sock

[mysqld]
user = mysql
datadir = $WP_DIR/mysql
socket = $RUN/mysqld.sock
pid-file = $RUN/mariadbd.pid
log-error = $LOG/mariadb.log
skip-networking
skip-log-bin
innodb_buffer_pool_size = 64M
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
EOF

  cat >"$WP_DIR/php-fpm.conf" <<EOF
[global]
pid = $RUN/php-fpm.pid
error_log = $LOG/php-fpm.log
daemonize = yes

[pressdesk]
user = www-data
group = www-data
listen = $RUN/php-fpm.sock
listen.owner = www-data
listen.group = www-data
listen.mode = 0660
pm = dynamic
pm.max_children = 6
pm.start_servers = 2
pm.min_spare_servers = 1
pm.max_spare_servers = 3
catch_workers_output = yes
php_admin_value[error_log] = $LOG/php-errors.log
php_admin_flag[log_errors] = on
php_admin_value[upload_max_filesize] = 64M
php_admin_value[post_max_size] = 70M
php_admin_value[memory_limit] = 256M
EOF

  cat >"$WP_DIR/nginx.conf" <<EOF
user www-data;
worker_processes 1;
pid $RUN/nginx.pid;
error_log $LOG/nginx-error.log;

events {
  worker_connections 256;
}

http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $LOG/nginx-access.log;
  client_body_temp_path $WP_DIR/nginx/tmp/client_body;
  fastcgi_temp_path $WP_DIR/nginx/tmp/fastcgi;
  proxy_temp_path $WP_DIR/nginx/tmp/proxy;
  uwsgi_temp_path $WP_DIR/nginx/tmp/uwsgi;
  scgi_temp_path $WP_DIR/nginx/tmp/scgi;
  # nginx refuses bodies over 1 MB by default; media uploads are larger.
  client_max_body_size 64m;

  server {
    listen $HOST:$PORT;
    server_name $HOST;
    root $WP_ROOT;
    index index.php;

    # Debian keeps wp-content (uploads, themes) outside the code.
    location ^~ /wp-content/ {
      alias $WP_CONTENT/;
    }

    location / {
      try_files \$uri \$uri/ /index.php?\$args;
    }

    location ~ \.php\$ {
      try_files \$uri =404;
      # Not /etc/nginx/fastcgi_params: Debian's recent nginx updates set HTTP_HOST there to
      # \$host, without the port, and WordPress on a port other than 80 then redirects every
      # page to itself. The server answers one host and port only, so both are fixed here.
      fastcgi_param QUERY_STRING \$query_string;
      fastcgi_param REQUEST_METHOD \$request_method;
      fastcgi_param CONTENT_TYPE \$content_type;
      fastcgi_param CONTENT_LENGTH \$content_length;
      fastcgi_param SCRIPT_NAME \$fastcgi_script_name;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_param REQUEST_URI \$request_uri;
      fastcgi_param DOCUMENT_URI \$document_uri;
      fastcgi_param DOCUMENT_ROOT \$document_root;
      fastcgi_param SERVER_PROTOCOL \$server_protocol;
      fastcgi_param REQUEST_SCHEME \$scheme;
      fastcgi_param GATEWAY_INTERFACE CGI/1.1;
      fastcgi_param SERVER_SOFTWARE nginx;
      fastcgi_param REMOTE_ADDR \$remote_addr;
      fastcgi_param REMOTE_PORT \$remote_port;
      fastcgi_param SERVER_ADDR \$server_addr;
      fastcgi_param SERVER_PORT \$server_port;
      fastcgi_param SERVER_NAME \$server_name;
      fastcgi_param REDIRECT_STATUS 200;
      fastcgi_param HTTP_HOST $HOST:$PORT;
      # Application passwords come as HTTP Basic: pass the header to PHP explicitly.
      fastcgi_param HTTP_AUTHORIZATION \$http_authorization;
      fastcgi_pass unix:$RUN/php-fpm.sock;
      fastcgi_read_timeout 120s;
    }
  }
}
EOF
}

db_password() {
  local file="$WP_DIR/db-password"
  if [ ! -s "$file" ]; then
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$file")
  fi
  cat "$file"
}

write_site_config() {
  local password="$1"
  install -d -m 755 /etc/wordpress
  # Debian's wp-config.php loads /etc/wordpress/config-<host without port>.php.
  cat >"$SITE_CONFIG.new" <<EOF
<?php
// Written by PressDesk's scripts/wordpress.sh for the portal adapter's tests.
define('DB_NAME', '$DB_NAME');
define('DB_USER', '$DB_USER');
define('DB_PASSWORD', '$password');
define('DB_HOST', 'localhost:$RUN/mysqld.sock');
define('DB_CHARSET', 'utf8mb4');
define('WP_CONTENT_DIR', '$WP_CONTENT');
// Application passwords work over plain HTTP only on a 'local' site.
define('WP_ENVIRONMENT_TYPE', 'local');
define('FS_METHOD', 'direct');
// A test site: no calls to wordpress.org (update checks slow every request when offline);
// loopback requests (WP-Cron, which publishes scheduled posts) stay allowed.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
EOF
  chown root:www-data "$SITE_CONFIG.new"
  chmod 640 "$SITE_CONFIG.new"
  mv -f "$SITE_CONFIG.new" "$SITE_CONFIG"
}

# --- start ---------------------------------------------------------------------------------

start_mariadb() {
  if running_pid "$RUN/mariadbd.pid" mariadbd >/dev/null; then
    say "mariadbd already runs"
  else
    if [ ! -d "$WP_DIR/mysql/mysql" ]; then
      say "initialising the database folder"
      mariadb-install-db --defaults-file="$WP_DIR/mariadb.cnf" --user=mysql \
        --datadir="$WP_DIR/mysql" --skip-test-db >"$LOG/mariadb-install.log" 2>&1 ||
        {
          show_log "$LOG/mariadb-install.log"
          fail "mariadb-install-db failed."
        }
    fi
    say "starting mariadbd (socket $RUN/mysqld.sock, no TCP)"
    setsid /usr/sbin/mariadbd --defaults-file="$WP_DIR/mariadb.cnf" </dev/null >>"$LOG/mariadb.log" 2>&1 &
  fi
  wait_until 120 mariadb-admin --defaults-file="$WP_DIR/mariadb.cnf" -u root ping || {
    show_log "$LOG/mariadb.log"
    fail "mariadbd did not answer within 60 s."
  }
}

create_database() {
  local password="$1"
  say "creating the database and its user (if missing)"
  mariadb --defaults-file="$WP_DIR/mariadb.cnf" -u root <<EOF || fail "could not create the database $DB_NAME."
CREATE DATABASE IF NOT EXISTS $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$password';
ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON $DB_NAME.* TO '$DB_USER'@'localhost';
FLUSH PRIVILEGES;
EOF
}

start_php_fpm() {
  local binary
  binary="$(php_fpm_binary)" || fail "no php-fpm binary in /usr/sbin."
  if running_pid "$RUN/php-fpm.pid" php-fpm >/dev/null; then
    say "php-fpm already runs; reloading its configuration"
    kill -USR2 "$(running_pid "$RUN/php-fpm.pid" php-fpm)"
  else
    say "starting $(basename "$binary")"
    "$binary" --fpm-config "$WP_DIR/php-fpm.conf" || {
      show_log "$LOG/php-fpm.log"
      fail "php-fpm did not start."
    }
  fi
  wait_until 40 test -S "$RUN/php-fpm.sock" || {
    show_log "$LOG/php-fpm.log"
    fail "php-fpm did not open $RUN/php-fpm.sock."
  }
}

# nginx's -e (the log for errors before the configuration is read) exists since 1.19.5.
nginx_error_log_option() {
  if nginx -h 2>&1 | grep -q -- '-e filename'; then echo "-e $LOG/nginx-error.log"; fi
}

start_nginx() {
  local early_log
  early_log="$(nginx_error_log_option)"
  # shellcheck disable=SC2086 # early_log is empty or two words
  nginx -t -q -c "$WP_DIR/nginx.conf" $early_log 2>"$LOG/nginx-test.log" || {
    show_log "$LOG/nginx-test.log"
    fail "nginx refused the configuration $WP_DIR/nginx.conf."
  }
  if running_pid "$RUN/nginx.pid" nginx >/dev/null; then
    say "nginx already runs; reloading its configuration"
    kill -HUP "$(running_pid "$RUN/nginx.pid" nginx)"
  else
    say "starting nginx on $HOST:$PORT"
    # shellcheck disable=SC2086
    nginx -c "$WP_DIR/nginx.conf" $early_log || {
      show_log "$LOG/nginx-error.log"
      fail "nginx did not start (is port $PORT already in use? set PRESSDESK_WP_PORT)."
    }
  fi
  wait_until 40 curl -fsS -o /dev/null "http://$HOST:$PORT/wp-includes/images/blank.gif" || {
    show_log "$LOG/nginx-error.log"
    fail "nginx does not serve $SITE_URL."
  }
}

# --- site ----------------------------------------------------------------------------------

# Runs PHP CLI as www-data (the user php-fpm serves as), so files WordPress creates belong to it.
wp_php() {
  runuser -u www-data -- php "$@"
}

install_site() {
  say "installing the WordPress site (if not installed) at $SITE_URL"
  cat >"$WP_DIR/install.php" <<'EOF'
<?php
// argv: site url, user name, permalink structure. Installs the site once; sets its address
// and permalinks every time.
[$script, $url, $login, $permalinks] = $argv;
$parts = parse_url($url);
$_SERVER['HTTP_HOST'] = $parts['host'] . ':' . $parts['port'];
$_SERVER['SERVER_NAME'] = $parts['host'];
$_SERVER['SERVER_PORT'] = (string) $parts['port'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
// No mail server here: skip the "new site" mail.
add_filter('pre_wp_mail', '__return_false');
if (!is_blog_installed()) {
    $result = wp_install('PressDesk test portal', $login, $login . '@example.org', false, '', wp_generate_password(32));
    if (is_wp_error($result)) {
        fwrite(STDERR, 'wp_install failed: ' . $result->get_error_message() . "\n");
        exit(1);
    }
    echo "installed\n";
} else {
    echo "already installed\n";
}
update_option('siteurl', $url);
update_option('home', $url);
// wp_install turns pretty permalinks on only if a loopback request succeeds: set them here so
// every machine gets the same site.
global $wp_rewrite;
if (get_option('permalink_structure') !== $permalinks) {
    $wp_rewrite->set_permalink_structure($permalinks);
    $wp_rewrite->flush_rules(false);
}
$user = get_user_by('login', $login);
if (!$user || !user_can($user, 'publish_posts')) {
    fwrite(STDERR, "user $login is missing or may not publish\n");
    exit(1);
}
EOF
  chmod 644 "$WP_DIR/install.php"
  wp_php "$WP_DIR/install.php" "$SITE_URL" "$WP_USER" "$PERMALINK_STRUCTURE" || {
    show_log "$LOG/php-errors.log"
    fail "installing the site from PHP CLI failed."
  }
  install -d -m 755 -o www-data -g www-data "$WP_CONTENT/uploads"
}

# Succeeds when the credentials file's password authenticates against the running site.
credentials_work() {
  [ -s "$CREDENTIALS" ] || return 1
  local password
  # shellcheck disable=SC2016 # PHP code, not shell
  password="$(php -r '$c = json_decode(file_get_contents($argv[1]), true); echo is_array($c) ? ($c["applicationPassword"] ?? "") : "";' "$CREDENTIALS")" || return 1
  [ -n "$password" ] || return 1
  curl -fsS -o /dev/null -u "$WP_USER:$password" "$SITE_URL/index.php?rest_route=/wp/v2/users/me"
}

write_credentials() {
  if credentials_work; then
    say "the recorded application password still works; re-writing $CREDENTIALS"
  else
    say "creating an application password for $WP_USER"
    create_app_password
  fi
  # shellcheck disable=SC2016 # PHP code, not shell
  php -r '$c = json_decode(file_get_contents($argv[1]), true); echo json_encode(["url" => $argv[2], "username" => $argv[3], "applicationPassword" => $c["applicationPassword"]], JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT), "\n";' \
    "$CREDENTIALS" "$SITE_URL" "$WP_USER" >"$CREDENTIALS.new" || fail "could not write $CREDENTIALS."
  mv -f "$CREDENTIALS.new" "$CREDENTIALS"
  chmod 600 "$CREDENTIALS"
  # Readable by whoever ran the script through sudo (the tests run as that user).
  if [ -n "${SUDO_UID:-}" ]; then chown "$SUDO_UID:${SUDO_GID:-$SUDO_UID}" "$CREDENTIALS"; fi
  credentials_work || fail "the application password in $CREDENTIALS is refused by $SITE_URL (GET users/me)."
}

# Creates a new application password (dropping earlier ones of the same name) into the file.
create_app_password() {
  cat >"$WP_DIR/app-password.php" <<'EOF'
<?php
// argv: site url, user name, application password name. Prints {"applicationPassword": ...}.
[$script, $url, $login, $name] = $argv;
$parts = parse_url($url);
$_SERVER['HTTP_HOST'] = $parts['host'] . ':' . $parts['port'];
$_SERVER['SERVER_NAME'] = $parts['host'];
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
$user = get_user_by('login', $login);
if (!$user) {
    fwrite(STDERR, "no user $login\n");
    exit(1);
}
if (!wp_is_application_passwords_available_for_user($user)) {
    fwrite(STDERR, "application passwords are not available (WP_ENVIRONMENT_TYPE must be 'local' on plain HTTP)\n");
    exit(1);
}
foreach (WP_Application_Passwords::get_user_application_passwords($user->ID) as $item) {
    if ($item['name'] === $name) {
        WP_Application_Passwords::delete_application_password($user->ID, $item['uuid']);
    }
}
$created = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => $name]);
if (is_wp_error($created)) {
    fwrite(STDERR, 'could not create the application password: ' . $created->get_error_message() . "\n");
    exit(1);
}
echo json_encode(['applicationPassword' => $created[0]]), "\n";
EOF
  chmod 644 "$WP_DIR/app-password.php"
  (umask 077 && wp_php "$WP_DIR/app-password.php" "$SITE_URL" "$WP_USER" "$APP_PASSWORD_NAME" >"$CREDENTIALS.new") || {
    rm -f "$CREDENTIALS.new"
    show_log "$LOG/php-errors.log"
    fail "creating the application password failed."
  }
  mv -f "$CREDENTIALS.new" "$CREDENTIALS"
}

check_site() {
  local link
  link="$(curl -fsS -D - -o /dev/null "$SITE_URL/" | tr -d '\r' | grep -i '^link:.*api.w.org' || true)"
  [ -n "$link" ] || {
    show_log "$LOG/php-errors.log"
    fail "the home page $SITE_URL/ does not announce the REST API (no Link rel=\"https://api.w.org/\" header)."
  }
  say "home page announces the REST API: ${link#*: }"
}

cmd_setup() {
  say "state folder $WP_DIR, site $SITE_URL"
  install_packages
  [ -f "$WP_ROOT/wp-load.php" ] || fail "$WP_ROOT/wp-load.php is missing: the wordpress package is incomplete."
  write_configs
  local password
  password="$(db_password)"
  write_site_config "$password"
  start_mariadb
  create_database "$password"
  start_php_fpm
  start_nginx
  install_site
  check_site
  write_credentials
  say "ready: $SITE_URL (user $WP_USER); credentials in $CREDENTIALS"
}

case "${1:-}" in
  setup) cmd_setup ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: bash scripts/wordpress.sh setup|stop|status" >&2
    exit 2
    ;;
esac
