# Sourced by start.sh and stop.sh: where the private servers keep their state.
# shellcheck shell=bash disable=SC2034  # the variables are for the sourcing script
: "${here:?paths.sh must be sourced with \$here set to tests/servers}"

run=$here/.run
# Postfix (queue_directory/public/postlog) and Dovecot (base_dir) put Unix
# sockets under these directories, and socket paths are limited to 108 bytes.
# A checkout at a long path gets them in a short per-checkout dir instead.
if ((${#run} > 60)); then
    socket_root=/tmp/smtpconsole-$(printf '%s' "$run" | md5sum | cut -c1-12)
else
    socket_root=$run
fi
postfix_queue=$socket_root/postfix/queue
dovecot_base=$socket_root/dovecot/base
auth_socket=$dovecot_base/auth-postfix
# The private Exim tests/install-deps.sh unpacks (the same path is written there).
exim_binary=/opt/smtpconsole-test/exim/usr/sbin/exim4
