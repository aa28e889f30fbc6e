# bash completion for smtpconsole. Install: source this file from ~/.bashrc, or copy it to
# /usr/share/bash-completion/completions/smtpconsole (or ~/.local/share/bash-completion/completions/smtpconsole).
_smtpconsole() {
    local cur prev words cword
    _init_completion 2>/dev/null || {
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    }
    local commands="replay doctor explain practice profiles"
    local connection="--tls --starttls --plain --cafile --insecure --timeout --tls-min --ehlo-name --proxy --profile --profile-file --allow-plaintext-auth --show-secrets --help --version"
    local command=""
    local i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            replay | doctor | explain | practice | profiles) command=${words[i]}; break ;;
        esac
    done
    case $prev in
        --cafile | --transcript | --profile-file)
            COMPREPLY=($(compgen -f -- "$cur"))
            return
            ;;
        --tls-min)
            COMPREPLY=($(compgen -W "1.0 1.1 1.2 1.3" -- "$cur"))
            return
            ;;
        --profile)
            COMPREPLY=($(compgen -W "$(smtpconsole profiles --lang en 2>/dev/null | awk 'NR > 1 && NF {print $1}')" -- "$cur"))
            return
            ;;
    esac
    local options
    case $command in
        replay) options="$connection --host --port --var --json --transcript --keep-going --verbose --secret-env" ;;
        doctor) options="$connection --port --user --from --to --mx --secret-env --json --verbose" ;;
        explain) options="--host --provider --json --help" ;;
        practice) options="--port --plain-auth --max-connections-per-client --help" ;;
        profiles) options="show --profile-file --help" ;;
        *) options="$commands $connection" ;;
    esac
    if [[ $command == replay && $cur != -* ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
}
complete -F _smtpconsole smtpconsole
